-- Found by the store at a million documents (BENCHMARKS.md): a person page summed every office record of the
-- person on each visit (the most named person has 47,000 records in 279 offices: 190 ms at p95 read cold from
-- disk). The sums are kept instead, one row per office as written (a person, a role, an organization as named:
-- no entity is 0, no words ''), with the dates the records show the person in post, so that a career costs
-- its offices and not its records (query/careers.py).
--
-- A record that joins an office adds to its sums at once; a record that leaves one (deleted, or moved by a
-- merge, a split or a correction) marks it stale, because a minimum or a set of dates cannot be taken back
-- by one subtraction. A stale office is summed again from its records before its writer commits
-- (store/offices.py, from store.db's transactions); until then a reader sums it from the records itself.
CREATE TABLE office_parts (
    id INTEGER PRIMARY KEY,
    person_entity_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    org_entity_id INTEGER NOT NULL,         -- 0: the record names no organization entity
    org_text TEXT NOT NULL,                 -- '': nor any words for one
    start TEXT,                             -- the earliest start of its records
    "end" TEXT,                             -- their latest end
    ended INTEGER NOT NULL DEFAULT 0,       -- one of them says the term is over
    total INTEGER NOT NULL DEFAULT 0,       -- its records
    ended_before TEXT,                      -- the earliest document date of an undated "former" record
    stale INTEGER NOT NULL DEFAULT 0,       -- a record left it: its sums wait to be taken again
    UNIQUE (person_entity_id, role, org_entity_id, org_text)
);
CREATE INDEX office_parts_stale ON office_parts (id) WHERE stale = 1;

-- The dates an office's records show the person in post: as of a date the text gives ('as_of'), or, for an
-- undated record of a current office, as of its document's date ('document').
CREATE TABLE office_part_dates (
    part_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    PRIMARY KEY (part_id, kind, date)
) WITHOUT ROWID;

INSERT INTO office_parts (person_entity_id, role, org_entity_id, org_text, start, "end", ended, total, ended_before)
SELECT person_entity_id, role, COALESCE(org_entity_id, 0), COALESCE(org_text, ''), MIN(start), MAX("end"),
       MAX(ended), COUNT(*),
       MIN(CASE WHEN start IS NULL AND "end" IS NULL AND as_of IS NULL AND ended = 1 THEN published END)
  FROM positions WHERE person_entity_id IS NOT NULL
 GROUP BY person_entity_id, role, COALESCE(org_entity_id, 0), COALESCE(org_text, '');

INSERT OR IGNORE INTO office_part_dates (part_id, kind, date)
SELECT o.id, 'as_of', p.as_of
  FROM positions p JOIN office_parts o ON o.person_entity_id = p.person_entity_id AND o.role = p.role
   AND o.org_entity_id = COALESCE(p.org_entity_id, 0) AND o.org_text = COALESCE(p.org_text, '')
 WHERE p.as_of IS NOT NULL;
INSERT OR IGNORE INTO office_part_dates (part_id, kind, date)
SELECT o.id, 'document', p.published
  FROM positions p JOIN office_parts o ON o.person_entity_id = p.person_entity_id AND o.role = p.role
   AND o.org_entity_id = COALESCE(p.org_entity_id, 0) AND o.org_text = COALESCE(p.org_text, '')
 WHERE p.start IS NULL AND p."end" IS NULL AND p.as_of IS NULL AND p.ended = 0 AND p.published IS NOT NULL;

-- A record written with its entity already set (the writer's get theirs from positions_entities_added, an
-- update, below): its office is summed again.
CREATE TRIGGER office_parts_inserted AFTER INSERT ON positions WHEN NEW.person_entity_id IS NOT NULL
BEGIN
    INSERT INTO office_parts (person_entity_id, role, org_entity_id, org_text, stale)
    VALUES (NEW.person_entity_id, NEW.role, COALESCE(NEW.org_entity_id, 0), COALESCE(NEW.org_text, ''), 1)
    ON CONFLICT DO UPDATE SET stale = 1;
END;

-- A record given its entity, moved to another, or corrected: it leaves its office (stale) and adds to its new one.
CREATE TRIGGER office_parts_changed
AFTER UPDATE OF person_entity_id, org_entity_id, role, org_text, start, "end", as_of, ended, published ON positions
WHEN OLD.person_entity_id IS NOT NEW.person_entity_id OR OLD.org_entity_id IS NOT NEW.org_entity_id
  OR OLD.role IS NOT NEW.role OR OLD.org_text IS NOT NEW.org_text OR OLD.start IS NOT NEW.start
  OR OLD."end" IS NOT NEW."end" OR OLD.as_of IS NOT NEW.as_of OR OLD.ended IS NOT NEW.ended
  OR OLD.published IS NOT NEW.published
BEGIN
    UPDATE office_parts SET stale = 1
     WHERE person_entity_id = OLD.person_entity_id AND role = OLD.role
       AND org_entity_id = COALESCE(OLD.org_entity_id, 0) AND org_text = COALESCE(OLD.org_text, '');
    INSERT INTO office_parts (person_entity_id, role, org_entity_id, org_text)
    SELECT NEW.person_entity_id, NEW.role, COALESCE(NEW.org_entity_id, 0), COALESCE(NEW.org_text, '')
     WHERE NEW.person_entity_id IS NOT NULL
    ON CONFLICT DO NOTHING;
    UPDATE office_parts SET
        total = total + 1,
        start = COALESCE(min(start, NEW.start), start, NEW.start),
        "end" = COALESCE(max("end", NEW."end"), "end", NEW."end"),
        ended = max(ended, NEW.ended),
        ended_before = CASE
            WHEN NEW.start IS NULL AND NEW."end" IS NULL AND NEW.as_of IS NULL AND NEW.ended = 1
            THEN COALESCE(min(ended_before, NEW.published), ended_before, NEW.published)
            ELSE ended_before END
     WHERE person_entity_id = NEW.person_entity_id AND role = NEW.role
       AND org_entity_id = COALESCE(NEW.org_entity_id, 0) AND org_text = COALESCE(NEW.org_text, '');
    INSERT OR IGNORE INTO office_part_dates (part_id, kind, date)
    SELECT id, 'as_of', NEW.as_of FROM office_parts
     WHERE NEW.as_of IS NOT NULL AND person_entity_id = NEW.person_entity_id AND role = NEW.role
       AND org_entity_id = COALESCE(NEW.org_entity_id, 0) AND org_text = COALESCE(NEW.org_text, '');
    INSERT OR IGNORE INTO office_part_dates (part_id, kind, date)
    SELECT id, 'document', NEW.published FROM office_parts
     WHERE NEW.start IS NULL AND NEW."end" IS NULL AND NEW.as_of IS NULL AND NEW.ended = 0
       AND NEW.published IS NOT NULL AND person_entity_id = NEW.person_entity_id AND role = NEW.role
       AND org_entity_id = COALESCE(NEW.org_entity_id, 0) AND org_text = COALESCE(NEW.org_text, '');
END;

-- A record deleted (its document written again or removed): its office is summed again.
CREATE TRIGGER office_parts_deleted AFTER DELETE ON positions WHEN OLD.person_entity_id IS NOT NULL
BEGIN
    UPDATE office_parts SET stale = 1
     WHERE person_entity_id = OLD.person_entity_id AND role = OLD.role
       AND org_entity_id = COALESCE(OLD.org_entity_id, 0) AND org_text = COALESCE(OLD.org_text, '');
END;
