-- Offices held and typed events (issue 3), and how a publication date was obtained.
ALTER TABLE documents ADD COLUMN published_confidence REAL;

-- One office held by one person as one document states it. Dates are ISO at the text's precision.
CREATE TABLE positions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    person_doc_entity_id INTEGER NOT NULL REFERENCES doc_entities (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    org_doc_entity_id INTEGER REFERENCES doc_entities (id) ON DELETE CASCADE,
    org_text TEXT,
    start TEXT,
    end TEXT,
    as_of TEXT,
    ended INTEGER NOT NULL DEFAULT 0,  -- the text says the term is over ("former"), even without its end
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    pattern TEXT NOT NULL,             -- which construction stated it: title, apposition, copula, appointment…
    confidence REAL NOT NULL,
    extractor TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX positions_person ON positions (person_doc_entity_id);
CREATE INDEX positions_doc ON positions (doc_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ('appointment', 'resignation', 'credentials', 'meeting', 'visit',
                                       'press_conference', 'address', 'interview', 'agreement', 'election')),
    date TEXT,
    place_doc_entity_id INTEGER REFERENCES doc_entities (id) ON DELETE CASCADE,
    place_text TEXT,
    trigger TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    confidence REAL NOT NULL,
    extractor TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_type_date ON events (type, date);

CREATE TABLE event_participants (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    doc_entity_id INTEGER NOT NULL REFERENCES doc_entities (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, doc_entity_id)
);
CREATE INDEX event_participants_entity ON event_participants (doc_entity_id);
