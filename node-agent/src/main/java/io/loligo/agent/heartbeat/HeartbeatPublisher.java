package io.loligo.agent.heartbeat;

import io.loligo.agent.ceph.ClusterProbe;
import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.daemon.DaemonDiscovery;
import io.loligo.agent.host.HostIdentity;
import io.loligo.agent.identity.AgentKey;
import io.loligo.agent.identity.BrokerLogin;
import io.loligo.contracts.bus.BusRoutes;
import io.loligo.contracts.heartbeat.DaemonService;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.List;

/**
 * Sends this node's heartbeat to the topic exchange, where every service that cares has its own subscription.
 * The routing key names the node: the broker lets each agent publish under its own only.
 */
@ApplicationScoped
public class HeartbeatPublisher {
    static final String CHANNEL = "heartbeats";

    private final HostIdentity host;
    private final DaemonDiscovery daemons;
    private final ClusterProbe cluster;
    private final AgentConfig config;
    private final AgentKey key;
    private final BusRoutes routes;
    private final BrokerLogin brokerLogin;
    private final WireCodec codec = new WireCodec();
    private final Emitter<byte[]> emitter;

    @Inject
    public HeartbeatPublisher(HostIdentity host, DaemonDiscovery daemons, ClusterProbe cluster, AgentConfig config, AgentKey key,
                              BrokerLogin brokerLogin, @ConfigProperty(name = "loligo.bus.prefix") String busPrefix,
                              // a heartbeat that cannot leave now is worthless later: never queue them up
                              @Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.DROP) Emitter<byte[]> emitter) {
        this.host = host;
        this.daemons = daemons;
        this.cluster = cluster;
        this.config = config;
        this.key = key;
        this.brokerLogin = brokerLogin;
        this.routes = new BusRoutes(busPrefix);
        this.emitter = emitter;
    }

    @Scheduled(every = "${loligo.agent.heartbeat-period}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onPeriod() {
        publish();
    }

    /** A map version moved: cluster-service hears of it now, not at the next period. */
    void onVersionsMoved(@Observes ClusterProbe.VersionsMoved moved) {
        publish();
    }

    synchronized void publish() {
        NodeHeartbeat heartbeat = build();
        MDC.put("node", heartbeat.nodeId());
        try {
            byte[] json = codec.encode(heartbeat);
            WireCodec.WireMessage wire = WireCodec.asWireMessage(json);
            OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder()
                    .withSubject(routes.heartbeat(heartbeat.nodeId()))
                    .withUserId(brokerLogin.username())
                    .withContentType(wire.contentType())
                    .withApplicationProperties(new JsonObject(key.signatureProperties(json)))
                    .withDurable(false)
                    .build();
            emitter.send(Message.of(wire.body(), Metadata.of(amqp)));
            Log.debugf("heartbeat sent: %d services, %d clusters", heartbeat.services().size(), heartbeat.clusters().size());
        } finally {
            MDC.remove("node");
        }
    }

    NodeHeartbeat build() {
        List<DaemonService> services = daemons.discover();
        String cephVersion = services.stream().filter(DaemonService::running).map(DaemonService::version)
                .filter(v -> v != null).findFirst().orElse(null);
        return new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, host.nodeId(), host.fqdn(), host.hostname(),
                Instant.now(), (int) Math.max(1, config.heartbeatPeriod().toSeconds()), host.bootTime(),
                host.operatingSystem(), cephVersion, services, cluster.current().stream().toList(), host.interfaces(),
                key.publicKey());
    }
}
