-- PostgreSQL dialect of ../016_page_indexes.sql (the same statements).
-- Found by the load benchmark (20 clients on the 10,000-document store): finding an entity by its key
-- (every name looked up: compare, /person, search) scanned the entities (the unique index leads with the
-- type), and who is named with an entity read each companion's row for its entity id (a third of an
-- entity page's time).
CREATE INDEX IF NOT EXISTS entities_key ON entities (key);
CREATE INDEX IF NOT EXISTS doc_entities_doc_entity ON doc_entities (doc_id, entity_id);
