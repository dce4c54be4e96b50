-- Each agent's key, as Calamari kept salt minion keys: heard of (pre), accepted or rejected by an administrator.
CREATE TABLE agent_key (
    node_id     varchar(255) PRIMARY KEY,
    public_key  text         NOT NULL,
    fingerprint varchar(64)  NOT NULL,
    status      varchar(16)  NOT NULL,
    fqdn        varchar(255) NOT NULL,
    first_seen  timestamptz  NOT NULL,
    last_seen   timestamptz  NOT NULL,
    decided_by  varchar(150),
    decided_at  timestamptz
);
