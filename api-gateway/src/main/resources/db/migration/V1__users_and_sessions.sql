CREATE TABLE app_user (
    id            bigint       PRIMARY KEY,
    username      varchar(150) NOT NULL UNIQUE,
    password_hash varchar(100) NOT NULL,
    role          varchar(32)  NOT NULL,
    created_at    timestamptz  NOT NULL
);
CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50;

-- Browser sessions. The token itself is never stored, only its SHA-256: a database leak yields no live session.
CREATE TABLE user_session (
    token_hash varchar(64) PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    xsrf_token varchar(64) NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX user_session_expiry ON user_session (expires_at);
