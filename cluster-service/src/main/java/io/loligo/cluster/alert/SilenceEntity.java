package io.loligo.cluster.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import io.loligo.contracts.api.AlertViews;

import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "alert_silence")
public class SilenceEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<AlertViews.Matcher> matchers;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public String comment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
