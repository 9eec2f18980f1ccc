-- The first and last few sources of each office as written, kept beside its sums (the SQLite migration says
-- why); ordered as Python orders strings (COLLATE "C").
CREATE TABLE office_part_sources (
    person_entity_id BIGINT NOT NULL,
    part_id BIGINT NOT NULL,
    listed TEXT COLLATE "C" NOT NULL,
    doc_id TEXT COLLATE "C" NOT NULL,
    sentence_start INTEGER NOT NULL,
    position_id BIGINT NOT NULL,
    sentence_end INTEGER NOT NULL,
    pattern TEXT NOT NULL,
    PRIMARY KEY (person_entity_id, part_id, listed, doc_id, sentence_start, position_id)
);
CREATE INDEX office_part_sources_part ON office_part_sources (part_id);

INSERT INTO office_part_sources
SELECT person_entity_id, part_id, listed, doc_id, sentence_start, id, sentence_end, pattern FROM (
    SELECT o.id AS part_id, p.person_entity_id, COALESCE(p.start, p.as_of, p."end", p.published, '') AS listed,
           p.doc_id, p.sentence_start, p.id, p.sentence_end, p.pattern,
           ROW_NUMBER() OVER (PARTITION BY o.id ORDER BY COALESCE(p.start, p.as_of, p."end", p.published, '') COLLATE "C",
                              p.doc_id COLLATE "C", p.sentence_start, p.id) AS first,
           ROW_NUMBER() OVER (PARTITION BY o.id
                              ORDER BY COALESCE(p.start, p.as_of, p."end", p.published, '') COLLATE "C" DESC,
                                       p.doc_id COLLATE "C" DESC, p.sentence_start DESC, p.id DESC) AS last
      FROM positions p JOIN office_parts o ON o.person_entity_id = p.person_entity_id AND o.role = p.role
       AND o.org_entity_id = COALESCE(p.org_entity_id, 0) AND o.org_text = COALESCE(p.org_text, '')
) ranked WHERE first <= 5 OR last <= 5;

CREATE OR REPLACE FUNCTION office_part_joined(record positions) RETURNS void LANGUAGE plpgsql AS $$
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
    INSERT INTO office_part_sources
    VALUES (record.person_entity_id, part, COALESCE(record.start, record.as_of, record."end", record.published, ''),
            record.doc_id, record.sentence_start, record.id, record.sentence_end, record.pattern)
    ON CONFLICT DO NOTHING;
    DELETE FROM office_part_sources s
     WHERE s.person_entity_id = record.person_entity_id AND s.part_id = part
       AND s.position_id NOT IN (
           (SELECT k.position_id FROM office_part_sources k
             WHERE k.person_entity_id = record.person_entity_id AND k.part_id = part
             ORDER BY k.listed, k.doc_id, k.sentence_start, k.position_id LIMIT 5)
           UNION ALL
           (SELECT k.position_id FROM office_part_sources k
             WHERE k.person_entity_id = record.person_entity_id AND k.part_id = part
             ORDER BY k.listed DESC, k.doc_id DESC, k.sentence_start DESC, k.position_id DESC LIMIT 5));
END;
$$;
