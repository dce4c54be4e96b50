package io.loligo.cluster.server;

import io.loligo.contracts.heartbeat.HostInterface;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "server")
public class ServerEntity extends PanacheEntityBase {
    @Id
    public String fqdn;

    @Column(name = "node_id", nullable = false)
    public String nodeId;

    @Column(nullable = false)
    public String hostname;

    @Column(nullable = false)
    public boolean managed;

    @Column(name = "boot_time")
    public Instant bootTime;

    public String os;

    @Column(name = "ceph_version")
    public String cephVersion;

    @Column(name = "heartbeat_period", nullable = false)
    public int heartbeatPeriod;

    @Column(name = "last_contact", nullable = false)
    public Instant lastContact;

    @Column(name = "late_after", nullable = false)
    public Instant lateAfter;

    @Column(nullable = false)
    public boolean late;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<HostInterface> interfaces = new ArrayList<>();

    @OneToMany(mappedBy = "server", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("type, serviceId")
    public List<ServiceEntity> services = new ArrayList<>();
}
