-- Found by the store at a million documents (BENCHMARKS.md): a person page read every record of the person
-- (a person named in 6,000 documents has 1,700 office records, thousands of quotes and events), through
-- doc_entities, because a fact names a document's entity and not the entity: the page's time grew with the
-- person (p95 865 ms). Each fact now keeps the entity it names beside the document's entity, and the date it is
-- listed under, so that a page takes the newest (or oldest) few by one index and a career is summed by it.
-- Triggers keep them right on every path that writes a fact or moves a document's entity (a document written
-- again, entities merged or split, a correction of a speaker, an organization or a date).
ALTER TABLE quotes ADD COLUMN speaker_entity_id INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_org_entity_id INTEGER;
ALTER TABLE claims ADD COLUMN source_entity_id INTEGER;
ALTER TABLE claim_about ADD COLUMN entity_id INTEGER;
ALTER TABLE event_participants ADD COLUMN entity_id INTEGER;
ALTER TABLE event_participants ADD COLUMN dated TEXT;  -- the event's date, else its document's (its listing)
ALTER TABLE positions ADD COLUMN person_entity_id INTEGER;
ALTER TABLE positions ADD COLUMN org_entity_id INTEGER;
ALTER TABLE positions ADD COLUMN published TEXT;  -- its document's date (an undated record is placed by it)

UPDATE quotes SET
    speaker_entity_id = (SELECT entity_id FROM doc_entities WHERE id = quotes.speaker_doc_entity_id),
    speaker_org_entity_id = (SELECT entity_id FROM doc_entities WHERE id = quotes.speaker_org_doc_entity_id);
UPDATE claims SET source_entity_id = (SELECT entity_id FROM doc_entities WHERE id = claims.source_doc_entity_id);
UPDATE claim_about SET entity_id = (SELECT entity_id FROM doc_entities WHERE id = claim_about.doc_entity_id);
UPDATE event_participants SET
    entity_id = (SELECT entity_id FROM doc_entities WHERE id = event_participants.doc_entity_id),
    dated = (SELECT COALESCE(e.date, d.published) FROM events e JOIN documents d ON d.id = e.doc_id
              WHERE e.id = event_participants.event_id);
UPDATE positions SET
    person_entity_id = (SELECT entity_id FROM doc_entities WHERE id = positions.person_doc_entity_id),
    org_entity_id = (SELECT entity_id FROM doc_entities WHERE id = positions.org_doc_entity_id),
    published = (SELECT published FROM documents WHERE id = positions.doc_id);

-- in the order a listing of quotes and claims takes (quotes_dated, claims_dated), within each entity
CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity_id, dated DESC, doc_id, start);
CREATE INDEX quotes_speaker_org_entity ON quotes (speaker_org_entity_id, dated DESC, doc_id, start);
CREATE INDEX claims_source_entity ON claims (source_entity_id, dated DESC, doc_id, start);
CREATE INDEX claim_about_entity_id ON claim_about (entity_id);
CREATE INDEX event_participants_entity_dated ON event_participants (entity_id, dated);
-- a person's records of office, whole in the index: a career is summed without reading the table
CREATE INDEX positions_person_entity ON positions (person_entity_id, role, org_entity_id, org_text, start, end,
    as_of, ended, published, doc_id, sentence_start, sentence_end, pattern);
CREATE INDEX positions_org_entity ON positions (org_entity_id);

-- a fact written, or given another document's entity
CREATE TRIGGER quotes_entities_added AFTER INSERT ON quotes
BEGIN
    UPDATE quotes SET
        speaker_entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.speaker_doc_entity_id),
        speaker_org_entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.speaker_org_doc_entity_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER quotes_entities_changed AFTER UPDATE OF speaker_doc_entity_id, speaker_org_doc_entity_id ON quotes
BEGIN
    UPDATE quotes SET
        speaker_entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.speaker_doc_entity_id),
        speaker_org_entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.speaker_org_doc_entity_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER claims_entities_added AFTER INSERT ON claims
BEGIN
    UPDATE claims SET source_entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.source_doc_entity_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER claims_entities_changed AFTER UPDATE OF source_doc_entity_id ON claims
BEGIN
    UPDATE claims SET source_entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.source_doc_entity_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER claim_about_entities_added AFTER INSERT ON claim_about
BEGIN
    UPDATE claim_about SET entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.doc_entity_id)
    WHERE claim_id = NEW.claim_id AND doc_entity_id = NEW.doc_entity_id;
END;
CREATE TRIGGER event_participants_added AFTER INSERT ON event_participants
BEGIN
    UPDATE event_participants SET
        entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.doc_entity_id),
        dated = (SELECT COALESCE(e.date, d.published) FROM events e JOIN documents d ON d.id = e.doc_id
                  WHERE e.id = NEW.event_id)
    WHERE event_id = NEW.event_id AND doc_entity_id = NEW.doc_entity_id;
END;
CREATE TRIGGER events_date_changed AFTER UPDATE OF date ON events
BEGIN
    UPDATE event_participants
    SET dated = COALESCE(NEW.date, (SELECT published FROM documents WHERE id = NEW.doc_id))
    WHERE event_id = NEW.id;
END;
CREATE TRIGGER positions_entities_added AFTER INSERT ON positions
BEGIN
    UPDATE positions SET
        person_entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.person_doc_entity_id),
        org_entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.org_doc_entity_id),
        published = (SELECT published FROM documents WHERE id = NEW.doc_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER positions_entities_changed AFTER UPDATE OF person_doc_entity_id, org_doc_entity_id ON positions
BEGIN
    UPDATE positions SET
        person_entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.person_doc_entity_id),
        org_entity_id = (SELECT entity_id FROM doc_entities WHERE id = NEW.org_doc_entity_id)
    WHERE id = NEW.id;
END;

-- a document's entity moved to another entity: every fact naming it follows
CREATE TRIGGER doc_entities_facts_moved AFTER UPDATE OF entity_id ON doc_entities WHEN OLD.entity_id IS NOT NEW.entity_id
BEGIN
    UPDATE quotes SET speaker_entity_id = NEW.entity_id WHERE speaker_doc_entity_id = NEW.id;
    UPDATE quotes SET speaker_org_entity_id = NEW.entity_id WHERE speaker_org_doc_entity_id = NEW.id;
    UPDATE claims SET source_entity_id = NEW.entity_id WHERE source_doc_entity_id = NEW.id;
    UPDATE claim_about SET entity_id = NEW.entity_id WHERE doc_entity_id = NEW.id;
    UPDATE event_participants SET entity_id = NEW.entity_id WHERE doc_entity_id = NEW.id;
    UPDATE positions SET person_entity_id = NEW.entity_id WHERE person_doc_entity_id = NEW.id;
    UPDATE positions SET org_entity_id = NEW.entity_id WHERE org_doc_entity_id = NEW.id;
END;
