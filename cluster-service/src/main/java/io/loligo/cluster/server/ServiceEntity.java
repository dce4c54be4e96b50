package io.loligo.cluster.server;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "service")
public class ServiceEntity extends PanacheEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "server_fqdn")
    public ServerEntity server;

    @Column(nullable = false)
    public String cluster;

    public String fsid;

    @Column(nullable = false)
    public String type;

    @Column(name = "service_id", nullable = false)
    public String serviceId;

    @Column(nullable = false)
    public boolean running;

    public String version;
}
