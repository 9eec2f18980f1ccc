-- Cross-document resolution (issue 4): the judgements people make, which win over the algorithm and
-- survive re-ingestion (so they name entities by name, not by id); the pairs the resolver was unsure of,
-- for review; external ids from a user's table.
CREATE TABLE judgements (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'reject')),
    type TEXT NOT NULL,
    a TEXT NOT NULL,  -- merge, reject: a name of one entity; split: a name of the entity split
    b TEXT NOT NULL,  -- merge, reject: a name of the other; split: the alias taken out of it
    created_at TEXT NOT NULL
);

CREATE TABLE candidates (
    a INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    score REAL NOT NULL,
    reasons TEXT NOT NULL,  -- JSON list of strings: why the two may be one
    PRIMARY KEY (a, b)
);

CREATE TABLE external_ids (
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    wikidata TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (type, name)
);

ALTER TABLE entities ADD COLUMN wikidata TEXT;
