package io.loligo.cluster.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A notification owed to a receiver, of an alert's firing or resolution; done once sent, or once it needs no sending. */
@Entity
@Table(name = "alert_notification")
public class NotificationEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "alert_id") long alertId, @Column(name = "receiver_id") long receiverId,
                      @Column(name = "status") String status) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "done_at")
    public Instant doneAt;

    /** {@code sent}, or {@code silenced} for a firing and its resolution that a silence kept from the receiver. */
    public String outcome;
}
