-- The latest copy of each cluster map, as the favoured agent fetched it. Survives restarts: the API answers from it
-- at once, and only maps whose version moved are fetched again.
CREATE TABLE sync_object (
    fsid       varchar(36) NOT NULL REFERENCES cluster (fsid) ON DELETE CASCADE,
    map        varchar(32) NOT NULL,
    version    bigint      NOT NULL,
    content    jsonb       NOT NULL,
    fetched_at timestamptz NOT NULL,
    fetched_from varchar(255) NOT NULL,
    PRIMARY KEY (fsid, map)
);
