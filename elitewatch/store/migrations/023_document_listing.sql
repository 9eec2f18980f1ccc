-- Found by the store at a million documents (BENCHMARKS.md): every listing names each fact's document by its
-- title and date (a person page's quotes, claims, events and the other documents telling each event: up to 500
-- documents), and each of those was a read of the document's row, which holds its whole text: on a first visit
-- a read from disk each. The titles and dates of all documents fit in one index a few bytes a document, which
-- stays in memory, and the listings read it instead of the rows.
CREATE INDEX documents_listing ON documents (id, published, title, language);
