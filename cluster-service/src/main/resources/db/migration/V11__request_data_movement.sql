-- A complete request whose change moves data follows the movement: since when, how many objects were misplaced or
-- degraded at most (the whole way), and when the following ended.
ALTER TABLE request ADD COLUMN movement_since timestamptz;
ALTER TABLE request ADD COLUMN movement_objects bigint;
ALTER TABLE request ADD COLUMN movement_ended_at timestamptz;
CREATE INDEX request_following_movement ON request (fsid) WHERE movement_since IS NOT NULL AND movement_ended_at IS NULL;
