-- Maps are kept as gzip-compressed JSON. A 10,000-OSD map is 30 MB of JSON, which jsonb would parse and TOAST at
-- every update, and nothing queries inside it. Agents report versions within seconds, so the old copies are
-- dropped and fetched again rather than converted.
DELETE FROM sync_object;
ALTER TABLE sync_object DROP COLUMN content;
ALTER TABLE sync_object ADD COLUMN content_gzip bytea NOT NULL;
