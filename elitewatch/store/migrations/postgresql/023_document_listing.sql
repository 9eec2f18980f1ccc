-- The titles and dates of the documents in one index (the SQLite migration says why): an index-only scan.
CREATE INDEX documents_listing ON documents (id) INCLUDE (published, title, language);
