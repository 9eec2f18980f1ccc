-- PostgreSQL dialect of ../007_generation.sql: one trigger function counts every change.
CREATE TABLE store_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO store_generation (id, value) VALUES (1, 0);
CREATE FUNCTION elitewatch_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE store_generation SET value = value + 1 WHERE id = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER generation_document_added AFTER INSERT ON documents
FOR EACH ROW EXECUTE FUNCTION elitewatch_generation_bump();
CREATE TRIGGER generation_document_removed AFTER DELETE ON documents
FOR EACH ROW EXECUTE FUNCTION elitewatch_generation_bump();
CREATE TRIGGER generation_judgement_added AFTER INSERT ON judgements
FOR EACH ROW EXECUTE FUNCTION elitewatch_generation_bump();
CREATE TRIGGER generation_judgement_removed AFTER DELETE ON judgements
FOR EACH ROW EXECUTE FUNCTION elitewatch_generation_bump();
CREATE TRIGGER generation_external_id_added AFTER INSERT ON external_ids
FOR EACH ROW EXECUTE FUNCTION elitewatch_generation_bump();
CREATE TRIGGER generation_external_id_changed AFTER UPDATE ON external_ids
FOR EACH ROW EXECUTE FUNCTION elitewatch_generation_bump();
