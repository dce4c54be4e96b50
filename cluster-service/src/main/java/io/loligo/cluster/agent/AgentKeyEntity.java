package io.loligo.cluster.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "agent_key")
public class AgentKeyEntity extends PanacheEntityBase {
    @Id
    @Column(name = "node_id")
    public String nodeId;

    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(nullable = false)
    public String fingerprint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public KeyStatus status;

    @Column(nullable = false)
    public String fqdn;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
