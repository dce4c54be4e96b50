-- Users' changes to clusters, tracked until the cluster's maps show them. Everything a restarted cluster-service
-- needs to go on tracking is here: the commands, which one is in flight, and the OSD map epoch awaited.
CREATE TABLE request (
    id                uuid         PRIMARY KEY,
    fsid              varchar(36)  NOT NULL REFERENCES cluster (fsid) ON DELETE CASCADE,
    state             varchar(16)  NOT NULL,
    headline          text         NOT NULL,
    phase             text         NOT NULL,
    requested_by      varchar(255) NOT NULL,
    requested_at      timestamptz  NOT NULL,
    completed_at      timestamptz,
    error_message     text,
    commands          jsonb        NOT NULL,
    next_command      int          NOT NULL,
    agent             varchar(255),
    phase_since       timestamptz,
    awaited_osd_epoch bigint,
    log               jsonb        NOT NULL
);
CREATE INDEX request_by_state ON request (state, requested_at DESC);
CREATE INDEX request_by_cluster ON request (fsid, requested_at DESC);
