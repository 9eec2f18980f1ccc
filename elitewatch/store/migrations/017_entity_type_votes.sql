-- The type votes of each entity, kept as its mentions are written: an entity's type is the one its documents
-- give it most by their confidence (resolve.resolver.settle_type), and summing every mention of the entity on
-- each document written made writing slow down as the store grew (a place named in 100,000 documents was
-- summed 100,000 rows at a time: 160 documents/s on an empty store, 37/s at 20,000 documents).
-- Weights are thousandths of a confidence (confidences are kept to three decimals), so sums are exact and
-- ties stay ties whatever the order of writes. Triggers keep them right on every path that moves a mention:
-- a document written or replaced (its mentions deleted by the cascade), entities merged or split, corrections.
CREATE TABLE entity_type_votes (
    entity_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    weight INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity_id, type)
) WITHOUT ROWID;

INSERT INTO entity_type_votes (entity_id, type, weight, mentions)
SELECT entity_id, type, SUM(CAST(ROUND(confidence * 1000) AS INTEGER)), COUNT(*) FROM doc_entities
GROUP BY entity_id, type;

CREATE TRIGGER doc_entities_vote_added AFTER INSERT ON doc_entities
BEGIN
    INSERT INTO entity_type_votes (entity_id, type, weight, mentions)
    VALUES (NEW.entity_id, NEW.type, CAST(ROUND(NEW.confidence * 1000) AS INTEGER), 1)
    ON CONFLICT (entity_id, type) DO UPDATE SET weight = weight + excluded.weight, mentions = mentions + 1;
END;

CREATE TRIGGER doc_entities_vote_removed AFTER DELETE ON doc_entities
BEGIN
    UPDATE entity_type_votes SET weight = weight - CAST(ROUND(OLD.confidence * 1000) AS INTEGER),
        mentions = mentions - 1
    WHERE entity_id = OLD.entity_id AND type = OLD.type;
    DELETE FROM entity_type_votes WHERE entity_id = OLD.entity_id AND type = OLD.type AND mentions <= 0;
END;

CREATE TRIGGER doc_entities_vote_moved AFTER UPDATE OF entity_id, type, confidence ON doc_entities
BEGIN
    UPDATE entity_type_votes SET weight = weight - CAST(ROUND(OLD.confidence * 1000) AS INTEGER),
        mentions = mentions - 1
    WHERE entity_id = OLD.entity_id AND type = OLD.type;
    DELETE FROM entity_type_votes WHERE entity_id = OLD.entity_id AND type = OLD.type AND mentions <= 0;
    INSERT INTO entity_type_votes (entity_id, type, weight, mentions)
    VALUES (NEW.entity_id, NEW.type, CAST(ROUND(NEW.confidence * 1000) AS INTEGER), 1)
    ON CONFLICT (entity_id, type) DO UPDATE SET weight = weight + excluded.weight, mentions = mentions + 1;
END;
