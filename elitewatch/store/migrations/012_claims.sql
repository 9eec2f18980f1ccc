-- Claims (issue 22): what a text attributes without quotation marks ("X said that …", "according to X",
-- «по словам X»), with the source (a document's entity, or none when unnamed), the words claimed, the cue,
-- whether the source asserts, denies or hedges, and the entities the claim is about.
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    source_doc_entity_id INTEGER REFERENCES doc_entities (id) ON DELETE CASCADE,
    source_text TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    cue TEXT NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    polarity TEXT NOT NULL CHECK (polarity IN ('assert', 'deny', 'hedge')),
    said_on TEXT,
    dated TEXT,                        -- said_on, else the document's date: what the claim is listed under
    lemmas TEXT,                       -- the claimed words as lemmas (narratives and echoes match on them)
    language TEXT,
    confidence REAL NOT NULL,
    extractor TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX claims_doc ON claims (doc_id, start);
CREATE INDEX claims_source ON claims (source_doc_entity_id);
CREATE INDEX claims_dated ON claims (dated DESC, doc_id, start);

CREATE TABLE claim_about (
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    doc_entity_id INTEGER NOT NULL REFERENCES doc_entities (id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, doc_entity_id)
);
CREATE INDEX claim_about_entity ON claim_about (doc_entity_id);

CREATE VIRTUAL TABLE claims_fts USING fts5 (text, content='claims', content_rowid='id');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
