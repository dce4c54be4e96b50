package io.loligo.cluster.event;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "event")
public class EventEntity extends PanacheEntity {
    @Column(nullable = false)
    public Instant at;

    /** {@link Severity#level()} */
    @Column(nullable = false)
    public short severity;

    @Column(nullable = false)
    public String message;

    public String fsid;

    public String fqdn;

    @Column(name = "service_type")
    public String serviceType;

    @Column(name = "service_id")
    public String serviceId;
}
