-- Operators' threshold rules on metric series, evaluated beside the built-in ones; an alert's name is its rule's.
CREATE TABLE alert_rule (
    id             bigint           PRIMARY KEY,
    name           varchar(64)      NOT NULL UNIQUE,
    measurement    varchar(64)      NOT NULL,
    field          varchar(64)      NOT NULL,
    tags           jsonb            NOT NULL,
    aggregate      varchar(8)       NOT NULL,
    window_seconds bigint           NOT NULL,
    comparison     varchar(2)       NOT NULL,
    threshold      double precision NOT NULL,
    for_seconds    bigint           NOT NULL,
    severity       varchar(16)      NOT NULL,
    description    text             NOT NULL,
    created_by     varchar(150)     NOT NULL,
    created_at     timestamptz      NOT NULL
);
CREATE SEQUENCE alert_rule_seq START WITH 1 INCREMENT BY 50;
