-- PostgreSQL dialect of ../008_office_holders.sql (the same statements).
-- Found by the load benchmark: an organization's or a country's page lists who holds its offices, and found
-- them by scanning every office held (19,000 at 10,000 documents: most of an entity page's 20 ms).
CREATE INDEX IF NOT EXISTS positions_org ON positions (org_doc_entity_id);
