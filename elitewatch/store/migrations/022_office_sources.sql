-- The first and last few sources of each office as written, kept beside its sums (migration 021): a person page
-- lists them for every office, and reading them by two seeks an office cost a person of 280 offices 560 reads
-- scattered over the positions index (130 to 650 ms from disk at 400,000 documents). Kept in one table in the
-- person's order, a page reads them together. An office keeps at most SOURCES_SHOWN (query/careers.py) of
-- them, the earliest and the latest half in the career's order: each record that joins it is added, then
-- the sources that are neither among the first nor the last five go. A record that leaves an office makes it
-- stale (021), and store/offices.py takes its sources again with its sums.
CREATE TABLE office_part_sources (
    person_entity_id INTEGER NOT NULL,
    part_id INTEGER NOT NULL,
    listed TEXT NOT NULL,                   -- where the record stands in the career: its start, else as_of…
    doc_id TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    position_id INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    pattern TEXT NOT NULL,
    PRIMARY KEY (person_entity_id, part_id, listed, doc_id, sentence_start, position_id)
) WITHOUT ROWID;
CREATE INDEX office_part_sources_part ON office_part_sources (part_id);

INSERT INTO office_part_sources
SELECT person_entity_id, part_id, listed, doc_id, sentence_start, id, sentence_end, pattern FROM (
    SELECT o.id AS part_id, p.person_entity_id, COALESCE(p.start, p.as_of, p."end", p.published, '') AS listed,
           p.doc_id, p.sentence_start, p.id, p.sentence_end, p.pattern,
           ROW_NUMBER() OVER (PARTITION BY o.id ORDER BY COALESCE(p.start, p.as_of, p."end", p.published, ''),
                              p.doc_id, p.sentence_start, p.id) AS first,
           ROW_NUMBER() OVER (PARTITION BY o.id ORDER BY COALESCE(p.start, p.as_of, p."end", p.published, '') DESC,
                              p.doc_id DESC, p.sentence_start DESC, p.id DESC) AS last
      FROM positions p JOIN office_parts o ON o.person_entity_id = p.person_entity_id AND o.role = p.role
       AND o.org_entity_id = COALESCE(p.org_entity_id, 0) AND o.org_text = COALESCE(p.org_text, '')
) WHERE first <= 5 OR last <= 5;

-- office_parts_changed again, adding the record to its office's sources and keeping the first and last five.
DROP TRIGGER office_parts_changed;
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
    INSERT OR IGNORE INTO office_part_sources
    SELECT NEW.person_entity_id, id, COALESCE(NEW.start, NEW.as_of, NEW."end", NEW.published, ''), NEW.doc_id,
           NEW.sentence_start, NEW.id, NEW.sentence_end, NEW.pattern
      FROM office_parts
     WHERE person_entity_id = NEW.person_entity_id AND role = NEW.role
       AND org_entity_id = COALESCE(NEW.org_entity_id, 0) AND org_text = COALESCE(NEW.org_text, '');
    DELETE FROM office_part_sources
     WHERE person_entity_id = NEW.person_entity_id
       AND part_id = (SELECT id FROM office_parts WHERE person_entity_id = NEW.person_entity_id AND role = NEW.role
                        AND org_entity_id = COALESCE(NEW.org_entity_id, 0)
                        AND org_text = COALESCE(NEW.org_text, ''))
       AND position_id NOT IN (
           SELECT s.position_id FROM office_part_sources s
            WHERE s.person_entity_id = office_part_sources.person_entity_id AND s.part_id = office_part_sources.part_id
            ORDER BY s.listed, s.doc_id, s.sentence_start, s.position_id LIMIT 5)
       AND position_id NOT IN (
           SELECT s.position_id FROM office_part_sources s
            WHERE s.person_entity_id = office_part_sources.person_entity_id AND s.part_id = office_part_sources.part_id
            ORDER BY s.listed DESC, s.doc_id DESC, s.sentence_start DESC, s.position_id DESC LIMIT 5);
END;
