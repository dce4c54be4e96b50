package io.loligo.cluster.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

@Entity
@Table(name = "alert")
public class AlertEntity extends PanacheEntity {
    @Column(nullable = false)
    public String fingerprint;

    @Column(nullable = false)
    public String fsid;

    @Column(nullable = false)
    public String name;

    /** {@link AlertSeverity#label()} */
    @Column(nullable = false)
    public String severity;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> labels;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String description;

    /** {@link AlertState#label()} */
    @Column(nullable = false)
    public String state;

    @Column(name = "active_since", nullable = false)
    public Instant activeSince;

    @Column(name = "fired_at")
    public Instant firedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
}
