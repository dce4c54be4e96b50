package io.loligo.cluster.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/** An operator's {@link MetricRule}, as kept. */
@Entity
@Table(name = "alert_rule")
public class RuleEntity extends PanacheEntity {
    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String measurement;

    @Column(nullable = false)
    public String field;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> tags;

    @Column(nullable = false)
    public String aggregate;

    @Column(name = "window_seconds", nullable = false)
    public long windowSeconds;

    @Column(nullable = false)
    public String comparison;

    @Column(nullable = false)
    public double threshold;

    @Column(name = "for_seconds", nullable = false)
    public long forSeconds;

    @Column(nullable = false)
    public String severity;

    @Column(nullable = false)
    public String description;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
