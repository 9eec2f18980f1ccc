-- Found by the load benchmark: with 20 readers, the corpus-wide pages (the home page counts and ranks the
-- whole store: 157 ms at 10,000 documents, and growing with it) took 70% of the server's time. Their answers
-- change only when the store does. The store's generation counts the changes those pages can see (a document
-- written or removed, a judgement or an external id recorded), in the same transaction, so a reader can tell
-- from one row whether an answer it keeps is still the store's.
CREATE TABLE store_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO store_generation (id, value) VALUES (1, 0);
CREATE TRIGGER generation_document_added AFTER INSERT ON documents
BEGIN UPDATE store_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER generation_document_removed AFTER DELETE ON documents
BEGIN UPDATE store_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER generation_judgement_added AFTER INSERT ON judgements
BEGIN UPDATE store_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER generation_judgement_removed AFTER DELETE ON judgements
BEGIN UPDATE store_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER generation_external_id_added AFTER INSERT ON external_ids
BEGIN UPDATE store_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER generation_external_id_changed AFTER UPDATE ON external_ids
BEGIN UPDATE store_generation SET value = value + 1 WHERE id = 1; END;
