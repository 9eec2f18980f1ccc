-- An analyst's corrections and rejections of extracted facts (issue 21). A correction is kept by what it
-- corrects, not by a row id that re-ingestion renumbers: the document, the kind of fact, the words of the
-- fact's anchor (a quote's words, an office's evidence, an event's trigger) and their offsets. After every
-- write of the document it is applied again, to the fact found at those offsets or, in a changed text, at
-- the same words nearest them; it wins over extraction.
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('quote', 'position', 'event')),
    action TEXT NOT NULL CHECK (action IN ('correct', 'reject')),
    doc_id TEXT NOT NULL,              -- no foreign key: a correction outlives its document being replaced
    anchor_start INTEGER NOT NULL,
    anchor_end INTEGER NOT NULL,
    words TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '{}', -- JSON: the corrected values (speaker, role, org, start, end, type, date, participants)
    who TEXT NOT NULL,
    why TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX corrections_doc ON corrections (doc_id);

ALTER TABLE quotes ADD COLUMN correction_id INTEGER REFERENCES corrections (id);
ALTER TABLE positions ADD COLUMN correction_id INTEGER REFERENCES corrections (id);
ALTER TABLE events ADD COLUMN correction_id INTEGER REFERENCES corrections (id);

CREATE TRIGGER generation_correction_added AFTER INSERT ON corrections
BEGIN UPDATE store_generation SET value = value + 1 WHERE id = 1; END;
CREATE TRIGGER generation_correction_removed AFTER DELETE ON corrections
BEGIN UPDATE store_generation SET value = value + 1 WHERE id = 1; END;
