-- PostgreSQL dialect of ../018_entity_initials.sql (the same statements).
-- An organization's initials («СК» of «Следственный комитет России»), the blocking key abbreviations are joined
-- by (resolve.resolver._by_initials), in a column of their own: they had been kept in `surname`, the blocking key
-- of people, marked "initials:" so that no name key was taken for them.
ALTER TABLE entities ADD COLUMN initials TEXT;
UPDATE entities SET initials = substr(surname, 10), surname = NULL WHERE surname LIKE 'initials:%';
CREATE INDEX entities_initials ON entities (initials);
