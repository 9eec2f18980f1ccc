-- Judgements as nomenklatura keeps them (issue 19, item 7): positive (merge), negative (reject; split: an
-- alias that is someone else) and unsure (looked at, not decided: the pair stays apart and on the review
-- list, marked), each with who made it (made_by), when (created_at) and why. SQLite cannot widen a CHECK,
-- so the table is rebuilt (its generation triggers with it).
CREATE TABLE judgements_014 (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'reject', 'unsure')),
    type TEXT NOT NULL,
    a TEXT NOT NULL,  -- merge, reject, unsure: a name of one entity; split: a name of the entity split
    b TEXT NOT NULL,  -- merge, reject, unsure: a name of the other; split: the alias taken out of it
    created_at TEXT NOT NULL,
    made_by TEXT NOT NULL DEFAULT '',
    why TEXT
);
INSERT INTO judgements_014 (id, kind, type, a, b, created_at) SELECT id, kind, type, a, b, created_at FROM judgements;
DROP TABLE judgements;
ALTER TABLE judgements_014 RENAME TO judgements;
CREATE TRIGGER generation_judgement_added AFTER INSERT ON judgements
BEGIN UPDATE store_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER generation_judgement_removed AFTER DELETE ON judgements
BEGIN UPDATE store_generation SET value = value + 1 WHERE id = 1; END;
