-- PostgreSQL dialect of ../011_quote_lemmas.sql (the same statements).
-- A quote's words as lemmas (issue 22): narratives and echoes are matched on them, so inflection
-- («недружественных стран» / «недружественные страны») does not hide a phrase. Filled when a document is
-- written; a quote stored before this migration has none until its document is ingested again, and is
-- matched on its lower-cased words meanwhile.
ALTER TABLE quotes ADD COLUMN lemmas TEXT;
