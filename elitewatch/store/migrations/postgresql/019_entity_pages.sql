-- PostgreSQL dialect of ../019_entity_pages.sql (the same columns, backfill and indexes): each fact keeps the
-- entity it names and the date it is listed under, so that an entity's page reads its newest few by one index.
-- Here the columns of a fact are set before it is written (BEFORE triggers), not by a second write.
ALTER TABLE quotes ADD COLUMN speaker_entity_id BIGINT;
ALTER TABLE quotes ADD COLUMN speaker_org_entity_id BIGINT;
ALTER TABLE claims ADD COLUMN source_entity_id BIGINT;
ALTER TABLE claim_about ADD COLUMN entity_id BIGINT;
ALTER TABLE event_participants ADD COLUMN entity_id BIGINT;
ALTER TABLE event_participants ADD COLUMN dated TEXT;
ALTER TABLE positions ADD COLUMN person_entity_id BIGINT;
ALTER TABLE positions ADD COLUMN org_entity_id BIGINT;
ALTER TABLE positions ADD COLUMN published TEXT;

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
CREATE INDEX positions_person_entity ON positions (person_entity_id) INCLUDE (role, org_entity_id, org_text,
    start, "end", as_of, ended, published, doc_id, sentence_start, sentence_end, pattern);
CREATE INDEX positions_org_entity ON positions (org_entity_id);

CREATE FUNCTION doc_entity_of(doc_entity BIGINT) RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT entity_id FROM doc_entities WHERE id = doc_entity
$$;

CREATE FUNCTION quotes_entities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.speaker_entity_id := doc_entity_of(NEW.speaker_doc_entity_id);
    NEW.speaker_org_entity_id := doc_entity_of(NEW.speaker_org_doc_entity_id);
    RETURN NEW;
END;
$$;
CREATE TRIGGER quotes_entities BEFORE INSERT OR UPDATE OF speaker_doc_entity_id, speaker_org_doc_entity_id
ON quotes FOR EACH ROW EXECUTE FUNCTION quotes_entities();

CREATE FUNCTION claims_entities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.source_entity_id := doc_entity_of(NEW.source_doc_entity_id);
    RETURN NEW;
END;
$$;
CREATE TRIGGER claims_entities BEFORE INSERT OR UPDATE OF source_doc_entity_id
ON claims FOR EACH ROW EXECUTE FUNCTION claims_entities();

CREATE FUNCTION claim_about_entities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.entity_id := doc_entity_of(NEW.doc_entity_id);
    RETURN NEW;
END;
$$;
CREATE TRIGGER claim_about_entities BEFORE INSERT ON claim_about
FOR EACH ROW EXECUTE FUNCTION claim_about_entities();

CREATE FUNCTION event_participants_entities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.entity_id := doc_entity_of(NEW.doc_entity_id);
    NEW.dated := (SELECT COALESCE(e.date, d.published) FROM events e JOIN documents d ON d.id = e.doc_id
                   WHERE e.id = NEW.event_id);
    RETURN NEW;
END;
$$;
CREATE TRIGGER event_participants_entities BEFORE INSERT ON event_participants
FOR EACH ROW EXECUTE FUNCTION event_participants_entities();

CREATE FUNCTION events_date_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE event_participants
    SET dated = COALESCE(NEW.date, (SELECT published FROM documents WHERE id = NEW.doc_id))
    WHERE event_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER events_date_changed AFTER UPDATE OF date ON events
FOR EACH ROW EXECUTE FUNCTION events_date_changed();

CREATE FUNCTION positions_entities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.person_entity_id := doc_entity_of(NEW.person_doc_entity_id);
    NEW.org_entity_id := doc_entity_of(NEW.org_doc_entity_id);
    IF TG_OP = 'INSERT' THEN
        NEW.published := (SELECT published FROM documents WHERE id = NEW.doc_id);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER positions_entities BEFORE INSERT OR UPDATE OF person_doc_entity_id, org_doc_entity_id
ON positions FOR EACH ROW EXECUTE FUNCTION positions_entities();

CREATE FUNCTION doc_entities_facts_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE quotes SET speaker_entity_id = NEW.entity_id WHERE speaker_doc_entity_id = NEW.id;
    UPDATE quotes SET speaker_org_entity_id = NEW.entity_id WHERE speaker_org_doc_entity_id = NEW.id;
    UPDATE claims SET source_entity_id = NEW.entity_id WHERE source_doc_entity_id = NEW.id;
    UPDATE claim_about SET entity_id = NEW.entity_id WHERE doc_entity_id = NEW.id;
    UPDATE event_participants SET entity_id = NEW.entity_id WHERE doc_entity_id = NEW.id;
    UPDATE positions SET person_entity_id = NEW.entity_id WHERE person_doc_entity_id = NEW.id;
    UPDATE positions SET org_entity_id = NEW.entity_id WHERE org_doc_entity_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER doc_entities_facts_moved AFTER UPDATE OF entity_id ON doc_entities
FOR EACH ROW WHEN (OLD.entity_id IS DISTINCT FROM NEW.entity_id) EXECUTE FUNCTION doc_entities_facts_moved();
