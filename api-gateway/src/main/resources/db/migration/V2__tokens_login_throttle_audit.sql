-- Calamari's user shape has an e-mail address.
ALTER TABLE app_user ADD COLUMN email varchar(254) NOT NULL DEFAULT '';

-- Bearer tokens for scripts. As for sessions, only the SHA-256 of a token is stored.
CREATE TABLE api_token (
    id           bigint       PRIMARY KEY,
    user_id      bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         varchar(100) NOT NULL,
    token_hash   varchar(64)  NOT NULL UNIQUE,
    -- the token's first characters, shown in lists so that a user can tell tokens apart
    hint         varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz
);
CREATE SEQUENCE api_token_seq START WITH 1 INCREMENT BY 50;

-- Consecutive failed logins per user name, known or not, so that guessing slows down and then stops.
CREATE TABLE login_throttle (
    username        varchar(150) PRIMARY KEY,
    failures        integer      NOT NULL,
    last_failure_at timestamptz  NOT NULL,
    locked_until    timestamptz
);

-- Every unsafe request the gateway answered: who, when, what, from where, and how it ended.
CREATE TABLE audit_entry (
    id         bigint        PRIMARY KEY,
    at         timestamptz   NOT NULL,
    username   varchar(150),
    source     varchar(64)   NOT NULL,
    method     varchar(10)   NOT NULL,
    path       varchar(2000) NOT NULL,
    body       text,
    status     integer       NOT NULL,
    outcome    varchar(16)   NOT NULL,
    reason     varchar(100),
    request_id varchar(64)
);
CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX audit_entry_at ON audit_entry (at DESC);
CREATE INDEX audit_entry_username ON audit_entry (username, at DESC);
