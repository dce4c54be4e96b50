-- Alerts: each occurrence of a rule's condition, pending, then firing, then resolved, kept with its history.
CREATE TABLE alert (
    id              bigint       PRIMARY KEY,
    fingerprint     varchar(16)  NOT NULL,
    fsid            varchar(36)  NOT NULL,
    name            varchar(128) NOT NULL,
    severity        varchar(16)  NOT NULL,
    labels          jsonb        NOT NULL,
    summary         text         NOT NULL,
    description     text         NOT NULL,
    state           varchar(16)  NOT NULL,
    active_since    timestamptz  NOT NULL,
    fired_at        timestamptz,
    resolved_at     timestamptz,
    acknowledged_by varchar(150),
    acknowledged_at timestamptz
);
CREATE SEQUENCE alert_seq START WITH 1 INCREMENT BY 50;
-- one open alert per label set: an evaluation that a new leader repeats finds it rather than opening a second
CREATE UNIQUE INDEX alert_open ON alert (fingerprint) WHERE state <> 'resolved';
CREATE INDEX alert_by_time ON alert (active_since DESC, id DESC);

-- Silences: alerts whose labels match every matcher between the two times are not notified.
CREATE TABLE alert_silence (
    id         uuid         PRIMARY KEY,
    matchers   jsonb        NOT NULL,
    starts_at  timestamptz  NOT NULL,
    ends_at    timestamptz  NOT NULL,
    created_by varchar(150) NOT NULL,
    comment    text         NOT NULL,
    created_at timestamptz  NOT NULL
);

-- Where alerts go: an Alertmanager (its v2 API) or a webhook (Alertmanager's webhook JSON).
CREATE TABLE alert_receiver (
    id         bigint       PRIMARY KEY,
    name       varchar(64)  NOT NULL UNIQUE,
    kind       varchar(16)  NOT NULL,
    url        text         NOT NULL,
    created_by varchar(150) NOT NULL,
    created_at timestamptz  NOT NULL
);
CREATE SEQUENCE alert_receiver_seq START WITH 1 INCREMENT BY 50;

-- Each notification owed to a receiver, of an alert's firing and of its resolution: done ones keep done_at, so that
-- neither a restart nor a new leader sends one twice.
CREATE TABLE alert_notification (
    alert_id    bigint       NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    receiver_id bigint       NOT NULL REFERENCES alert_receiver (id) ON DELETE CASCADE,
    status      varchar(16)  NOT NULL,
    due_at      timestamptz  NOT NULL,
    attempts    int          NOT NULL DEFAULT 0,
    last_error  text,
    done_at     timestamptz,
    outcome     varchar(16),
    PRIMARY KEY (alert_id, receiver_id, status)
);
CREATE INDEX alert_notification_due ON alert_notification (due_at) WHERE done_at IS NULL;
