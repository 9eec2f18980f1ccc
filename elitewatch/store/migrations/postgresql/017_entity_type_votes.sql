-- PostgreSQL dialect of ../017_entity_type_votes.sql (the same table and backfill; one trigger function for
-- the three SQLite triggers). The type votes of each entity, kept as its mentions are written, so that
-- settling an entity's type does not sum all its mentions on every document written.
CREATE TABLE entity_type_votes (
    entity_id BIGINT NOT NULL,
    type TEXT NOT NULL,
    weight BIGINT NOT NULL,
    mentions BIGINT NOT NULL,
    PRIMARY KEY (entity_id, type)
);

INSERT INTO entity_type_votes (entity_id, type, weight, mentions)
SELECT entity_id, type, SUM(ROUND(confidence * 1000)::BIGINT), COUNT(*) FROM doc_entities
GROUP BY entity_id, type;

CREATE FUNCTION doc_entities_vote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE entity_type_votes SET weight = weight - ROUND(OLD.confidence * 1000)::BIGINT,
            mentions = mentions - 1
        WHERE entity_id = OLD.entity_id AND type = OLD.type;
        DELETE FROM entity_type_votes WHERE entity_id = OLD.entity_id AND type = OLD.type AND mentions <= 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO entity_type_votes (entity_id, type, weight, mentions)
        VALUES (NEW.entity_id, NEW.type, ROUND(NEW.confidence * 1000)::BIGINT, 1)
        ON CONFLICT (entity_id, type) DO UPDATE
        SET weight = entity_type_votes.weight + excluded.weight, mentions = entity_type_votes.mentions + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER doc_entities_vote AFTER INSERT OR DELETE OR UPDATE OF entity_id, type, confidence ON doc_entities
FOR EACH ROW EXECUTE FUNCTION doc_entities_vote();
