-- A career's sums kept per office as written (the SQLite migration says why). Dates compare as Python orders
-- strings (COLLATE "C"). Writers hold the store's one writer lock (store/postgres.py), so two never update
-- the same office's sums at once.
CREATE TABLE office_parts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_entity_id BIGINT NOT NULL,
    role TEXT NOT NULL,
    org_entity_id BIGINT NOT NULL,
    org_text TEXT NOT NULL,
    start TEXT COLLATE "C",
    "end" TEXT COLLATE "C",
    ended INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    ended_before TEXT COLLATE "C",
    stale INTEGER NOT NULL DEFAULT 0,
    UNIQUE (person_entity_id, role, org_entity_id, org_text)
);
CREATE INDEX office_parts_stale ON office_parts (id) WHERE stale = 1;

CREATE TABLE office_part_dates (
    part_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    PRIMARY KEY (part_id, kind, date)
);

INSERT INTO office_parts (person_entity_id, role, org_entity_id, org_text, start, "end", ended, total, ended_before)
SELECT person_entity_id, role, COALESCE(org_entity_id, 0), COALESCE(org_text, ''), MIN(start COLLATE "C"),
       MAX("end" COLLATE "C"), MAX(ended), COUNT(*),
       MIN(CASE WHEN start IS NULL AND "end" IS NULL AND as_of IS NULL AND ended = 1 THEN published END COLLATE "C")
  FROM positions WHERE person_entity_id IS NOT NULL
 GROUP BY person_entity_id, role, COALESCE(org_entity_id, 0), COALESCE(org_text, '');

INSERT INTO office_part_dates (part_id, kind, date)
SELECT DISTINCT o.id, 'as_of', p.as_of
  FROM positions p JOIN office_parts o ON o.person_entity_id = p.person_entity_id AND o.role = p.role
   AND o.org_entity_id = COALESCE(p.org_entity_id, 0) AND o.org_text = COALESCE(p.org_text, '')
 WHERE p.as_of IS NOT NULL;
INSERT INTO office_part_dates (part_id, kind, date)
SELECT DISTINCT o.id, 'document', p.published
  FROM positions p JOIN office_parts o ON o.person_entity_id = p.person_entity_id AND o.role = p.role
   AND o.org_entity_id = COALESCE(p.org_entity_id, 0) AND o.org_text = COALESCE(p.org_text, '')
 WHERE p.start IS NULL AND p."end" IS NULL AND p.as_of IS NULL AND p.ended = 0 AND p.published IS NOT NULL;

CREATE FUNCTION office_part_left(record positions) RETURNS void LANGUAGE sql AS $$
    UPDATE office_parts SET stale = 1
     WHERE person_entity_id = record.person_entity_id AND role = record.role
       AND org_entity_id = COALESCE(record.org_entity_id, 0) AND org_text = COALESCE(record.org_text, '')
$$;

CREATE FUNCTION office_part_joined(record positions) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    undated BOOLEAN := record.start IS NULL AND record."end" IS NULL AND record.as_of IS NULL;
    part BIGINT;
BEGIN
    INSERT INTO office_parts AS o (person_entity_id, role, org_entity_id, org_text, start, "end", ended, total,
                                   ended_before)
    VALUES (record.person_entity_id, record.role, COALESCE(record.org_entity_id, 0), COALESCE(record.org_text, ''),
            record.start, record."end", record.ended, 1,
            CASE WHEN undated AND record.ended = 1 THEN record.published END)
    ON CONFLICT (person_entity_id, role, org_entity_id, org_text) DO UPDATE SET
        total = o.total + 1,
        start = LEAST(o.start, EXCLUDED.start),
        "end" = GREATEST(o."end", EXCLUDED."end"),
        ended = GREATEST(o.ended, EXCLUDED.ended),
        ended_before = LEAST(o.ended_before, EXCLUDED.ended_before)
    RETURNING id INTO part;
    IF record.as_of IS NOT NULL THEN
        INSERT INTO office_part_dates VALUES (part, 'as_of', record.as_of) ON CONFLICT DO NOTHING;
    ELSIF undated AND record.ended = 0 AND record.published IS NOT NULL THEN
        INSERT INTO office_part_dates VALUES (part, 'document', record.published) ON CONFLICT DO NOTHING;
    END IF;
END;
$$;

CREATE FUNCTION office_parts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.person_entity_id IS NOT NULL THEN
        PERFORM office_part_left(OLD);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.person_entity_id IS NOT NULL THEN
        PERFORM office_part_joined(NEW);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER office_parts_follow_written AFTER INSERT OR DELETE ON positions
FOR EACH ROW EXECUTE FUNCTION office_parts_follow();
CREATE TRIGGER office_parts_follow_changed
AFTER UPDATE OF person_entity_id, org_entity_id, role, org_text, start, "end", as_of, ended, published ON positions
FOR EACH ROW WHEN (
    OLD.person_entity_id IS DISTINCT FROM NEW.person_entity_id OR OLD.org_entity_id IS DISTINCT FROM NEW.org_entity_id
    OR OLD.role IS DISTINCT FROM NEW.role OR OLD.org_text IS DISTINCT FROM NEW.org_text
    OR OLD.start IS DISTINCT FROM NEW.start OR OLD."end" IS DISTINCT FROM NEW."end"
    OR OLD.as_of IS DISTINCT FROM NEW.as_of OR OLD.ended IS DISTINCT FROM NEW.ended
    OR OLD.published IS DISTINCT FROM NEW.published)
EXECUTE FUNCTION office_parts_follow();
