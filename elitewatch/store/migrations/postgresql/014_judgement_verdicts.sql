-- PostgreSQL dialect of ../014_judgement_verdicts.sql: PostgreSQL widens the CHECK in place (no rebuild,
-- the generation triggers stay).
ALTER TABLE judgements DROP CONSTRAINT judgements_kind_check;
ALTER TABLE judgements ADD CONSTRAINT judgements_kind_check CHECK (kind IN ('merge', 'split', 'reject', 'unsure'));
ALTER TABLE judgements ADD COLUMN made_by TEXT NOT NULL DEFAULT '';
ALTER TABLE judgements ADD COLUMN why TEXT;
