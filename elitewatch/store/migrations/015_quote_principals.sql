-- A quote of an unnamed speaker keeps whom the speaker speaks for (issue 17, item 4): "a Boeing spokesman
-- said" has no person as its speaker (speaker_doc_entity_id stays empty, speaker_text holds the words that
-- state the speaker) and Boeing as the organization it speaks for.
ALTER TABLE quotes ADD COLUMN speaker_org_doc_entity_id INTEGER REFERENCES doc_entities (id) ON DELETE CASCADE;
CREATE INDEX quotes_speaker_org ON quotes (speaker_org_doc_entity_id);
