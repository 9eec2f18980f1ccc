-- Documents, entities seen in them, mentions with offsets, quotes, and full-text indexes.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    source TEXT,
    title TEXT,
    url TEXT,
    outlet TEXT,
    author TEXT,
    published TEXT,
    published_how TEXT,            -- 'metadata' or how it was inferred
    language TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

-- Canonical entities across documents. `key` is the resolution key (resolve/names.py).
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place')),
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    surname TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (type, key)
);
CREATE INDEX entities_surname ON entities (surname);
CREATE INDEX entities_name ON entities (name COLLATE NOCASE);

-- One entity as seen inside one document (source ids are never rewritten; only entity_id moves).
CREATE TABLE doc_entities (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_no INTEGER NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    confidence REAL NOT NULL,
    UNIQUE (doc_id, local_no)
);
CREATE INDEX doc_entities_entity ON doc_entities (entity_id);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    doc_entity_id INTEGER NOT NULL REFERENCES doc_entities (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    normal TEXT NOT NULL,
    type TEXT NOT NULL,
    evidence TEXT NOT NULL,
    extractor TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions (doc_id, start);
CREATE INDEX mentions_doc_entity ON mentions (doc_entity_id);

-- Every surface form of an entity, any script; derived from mentions, rebuilt when they change.
CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX aliases_alias ON aliases (alias COLLATE NOCASE);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    speaker_doc_entity_id INTEGER REFERENCES doc_entities (id) ON DELETE CASCADE,
    speaker_text TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    attribution_start INTEGER,
    attribution_end INTEGER,
    said_on TEXT,
    language TEXT,
    confidence REAL NOT NULL,
    extractor TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes (doc_id);
CREATE INDEX quotes_speaker ON quotes (speaker_doc_entity_id);

CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content = 'documents', content_rowid = 'rowid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, content = 'quotes', content_rowid = 'id');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- Room for the next facts: positions and events arrive with migration 002.
