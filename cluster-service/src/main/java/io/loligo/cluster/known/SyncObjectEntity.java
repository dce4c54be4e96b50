package io.loligo.cluster.known;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "sync_object")
public class SyncObjectEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public long version;

    /** The map's JSON, gzip-compressed. */
    @Column(name = "content_gzip", nullable = false)
    public byte[] contentGzip;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(name = "fetched_from", nullable = false)
    public String fetchedFrom;

    @Embeddable
    public record Key(String fsid, String map) implements Serializable {
    }
}
