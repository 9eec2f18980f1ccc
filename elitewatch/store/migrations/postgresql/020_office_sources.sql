-- A person's office records, per office as written, in the order a career lists them (Python's order of
-- strings: COLLATE "C"): the first and last few sources of each office are read from here by two short
-- seeks, not by ranking every record of the person. The organization keys are coalesced (no entity: 0, no
-- words: '') so that one statement asks for every office by equality, each a seek (query/careers.py).
CREATE INDEX positions_person_part_listed ON positions (person_entity_id, role, (COALESCE(org_entity_id, 0)),
    (COALESCE(org_text, '')), (COALESCE(start, as_of, "end", published, '') COLLATE "C"), (doc_id COLLATE "C"),
    sentence_start, id);

-- An entity's newest documents (the page's list, and the documents its companions are counted in) from the
-- index alone: a page no longer reads a row of doc_entities for each of them.
CREATE INDEX doc_entities_entity_newest ON doc_entities (entity_id, id, doc_id);
