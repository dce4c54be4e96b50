-- What happened, as derived from map changes and server reports. Calamari's severities: 1 CRITICAL, 2 ERROR,
-- 3 WARNING, 4 RECOVERY, 5 INFO; a threshold query asks for severity <= n.
CREATE TABLE event (
    id           bigint       PRIMARY KEY,
    at           timestamptz  NOT NULL,
    severity     smallint     NOT NULL,
    message      text         NOT NULL,
    fsid         varchar(36),
    fqdn         varchar(255),
    service_type varchar(16),
    service_id   varchar(255)
);
CREATE SEQUENCE event_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX event_by_time ON event (at DESC, id DESC);
CREATE INDEX event_by_cluster ON event (fsid, at DESC);
CREATE INDEX event_by_server ON event (fqdn, at DESC);
