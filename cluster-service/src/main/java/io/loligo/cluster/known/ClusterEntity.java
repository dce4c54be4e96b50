package io.loligo.cluster.known;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Read on every API call that names a cluster, and written only by this service: kept in Hibernate's cache. */
@Entity
@Cacheable
@Table(name = "cluster")
public class ClusterEntity extends PanacheEntityBase {
    @Id
    public String fsid;

    @Column(nullable = false)
    public String name;

    @Column(name = "update_time", nullable = false)
    public Instant updateTime;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "map_versions", nullable = false)
    public Map<String, Long> mapVersions = new HashMap<>();
}
