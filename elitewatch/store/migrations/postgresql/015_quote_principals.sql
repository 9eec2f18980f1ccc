-- PostgreSQL dialect of ../015_quote_principals.sql (the same statements, its ids as BIGINT).
ALTER TABLE quotes ADD COLUMN speaker_org_doc_entity_id BIGINT REFERENCES doc_entities (id) ON DELETE CASCADE;
CREATE INDEX quotes_speaker_org ON quotes (speaker_org_doc_entity_id);
