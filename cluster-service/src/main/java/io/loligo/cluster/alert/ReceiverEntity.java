package io.loligo.cluster.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "alert_receiver")
public class ReceiverEntity extends PanacheEntity {
    @Column(nullable = false)
    public String name;

    /** {@link ReceiverKind#label()} */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String url;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
