-- Where the instance that leads cluster-service answers, so that standbys can pass calls on to it.
CREATE TABLE leadership (
    id     smallint     PRIMARY KEY CHECK (id = 1),
    url    varchar(255) NOT NULL,
    since  timestamptz  NOT NULL
);
