package io.loligo.cluster.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "sync_object")
public class SyncObjectEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode content;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(name = "fetched_from", nullable = false)
    public String fetchedFrom;

    @Embeddable
    public record Key(String fsid, String map) implements Serializable {
    }
}
