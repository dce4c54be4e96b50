-- Clusters as the agents report them; map contents arrive in a later migration.
CREATE TABLE cluster (
    fsid         varchar(36)  PRIMARY KEY,
    name         varchar(128) NOT NULL,
    update_time  timestamptz  NOT NULL,
    -- the newest version of each cluster map an agent reported, keyed by ClusterMap name
    map_versions jsonb        NOT NULL DEFAULT '{}'
);

-- A server is a host with a node-agent (managed). fqdn is Calamari's server key.
CREATE TABLE server (
    fqdn             varchar(255) PRIMARY KEY,
    node_id          varchar(255) NOT NULL,
    hostname         varchar(255) NOT NULL,
    managed          boolean      NOT NULL,
    boot_time        timestamptz,
    os               varchar(255),
    ceph_version     varchar(64),
    heartbeat_period integer      NOT NULL,
    last_contact     timestamptz  NOT NULL,
    -- when silence turns into lateness: last_contact + 3 heartbeat periods, fixed at each heartbeat
    late_after       timestamptz  NOT NULL,
    late             boolean      NOT NULL DEFAULT false
);
CREATE INDEX server_on_time ON server (late_after) WHERE NOT late;

-- The Ceph daemons found on a server; replaced by each heartbeat.
CREATE TABLE service (
    id          bigint       PRIMARY KEY,
    server_fqdn varchar(255) NOT NULL REFERENCES server (fqdn) ON DELETE CASCADE,
    cluster     varchar(128) NOT NULL,
    fsid        varchar(36),
    type        varchar(16)  NOT NULL,
    service_id  varchar(255) NOT NULL,
    running     boolean      NOT NULL,
    version     varchar(64),
    UNIQUE (server_fqdn, cluster, type, service_id)
);
CREATE INDEX service_by_fsid ON service (fsid);
CREATE SEQUENCE service_seq START WITH 1 INCREMENT BY 50;
