-- PostgreSQL dialect of ../013_participant_roles.sql (the same statements).
-- The role each participant plays in an event (issue 21): appointer and appointee, presenter and receiver of
-- credentials, host and guest, signatory, speaker. NULL for events stored before it, until their document is
-- ingested again.
ALTER TABLE event_participants ADD COLUMN role TEXT;
