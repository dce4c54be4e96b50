package io.loligo.cluster.agent;

import io.loligo.cluster.broker.BrokerConfig;
import io.loligo.cluster.broker.RefusedAgentMessages;
import io.loligo.cluster.event.Event;
import io.loligo.cluster.event.EventLog;
import io.loligo.cluster.event.Severity;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.identity.BrokerLogins;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agents are trusted: those whose key an administrator accepted (see {@link KeyDecisions}), and whose heartbeat
 * that key signed, and whom the broker may let in. An agent heard of for the first time is recorded as pending, and
 * told of in an event.
 */
@ApplicationScoped
@Transactional
public class AgentTrust {
    /** How stale {@code last_seen} may get, so that a heartbeat does not write on every period. */
    private static final Duration SEEN_RESOLUTION = Duration.ofMinutes(1);

    @Inject
    EventLog events;
    @Inject
    BrokerConfig broker;
    @Inject
    RefusedAgentMessages refused;

    /** The {@code sentAt} of each accepted node's last heartbeat acted on: one sent before it is a replay. */
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
    /** Waiting keys whose node asked under another key, told of once each. */
    private final Set<String> contested = ConcurrentHashMap.newKeySet();

    /** Whether a name belongs to the services or to the broker rather than to an agent: no agent may take it. */
    public boolean isReserved(String nodeId) {
        return broker.notAgents().contains(nodeId);
    }

    /**
     * Whether the heartbeat may be acted on: signed by the key accepted for its node, and sent lately and after the
     * last one acted on, so that a copy kept by whoever saw it pass cannot be played again. The broker has already
     * vouched that the node itself sent it.
     */
    public boolean trusts(NodeHeartbeat heartbeat, byte[] body, String signature, Instant now) {
        String nodeId = heartbeat.nodeId();
        if (isReserved(nodeId)) {
            refused.refuse("reserved-name", "a heartbeat that names %s, which is not an agent's name", nodeId);
            return false;
        }
        if (!AgentSignatures.verifies(heartbeat.publicKey(), body, signature)) {
            refused.refuse("bad-signature", "a heartbeat of %s not signed by the key it carries", nodeId);
            return false;
        }
        Duration skew = Duration.between(heartbeat.sentAt(), now).abs();
        if (skew.compareTo(broker.heartbeatMaxSkew()) > 0) {
            refused.refuse("stale", "a heartbeat of %s sent at %s, %s from this service's clock: a replay, or a clock to set right",
                    nodeId, heartbeat.sentAt(), skew);
            return false;
        }
        Instant previous = lastSent.get(nodeId);
        if (previous != null && !heartbeat.sentAt().isAfter(previous)) {
            refused.refuse("replayed", "a heartbeat of %s sent at %s, not after the one of %s already taken", nodeId, heartbeat.sentAt(), previous);
            return false;
        }
        AgentKeyEntity key = AgentKeyEntity.findById(nodeId);
        if (key == null) {
            enrol(heartbeat, now);
            return false;
        }
        if (!key.publicKey.equals(heartbeat.publicKey())) {
            if (key.status == KeyStatus.PRE) {
                secondKey(key, AgentSignatures.fingerprint(heartbeat.publicKey()), now);
            } else {
                refused.refuse("other-key", "a heartbeat of %s signed by another key than the one %s; delete its key to enrol it again",
                        nodeId, key.status.apiName());
            }
            return false;
        }
        if (key.lastSeen.plus(SEEN_RESOLUTION).isBefore(now)) {
            key.lastSeen = now;
            key.fqdn = heartbeat.fqdn();
        }
        if (key.status != KeyStatus.ACCEPTED) {
            // heard, not heeded; counted, so that whoever waits for it can tell it arrived
            refused.refuse("not-accepted", "a heartbeat of %s, whose key is %s", nodeId, key.status.apiName());
            return false;
        }
        lastSent.put(nodeId, heartbeat.sentAt());
        return true;
    }

    /** A node heard of for the first time asks to be accepted, unless too many wait already. */
    private void enrol(NodeHeartbeat heartbeat, Instant now) {
        if (AgentKeyEntity.count("status", KeyStatus.PRE) >= broker.maxPendingKeys()) {
            refused.refuse("too-many-pending", "a heartbeat of %s, a new agent, while %d agents wait for a decision already",
                    heartbeat.nodeId(), broker.maxPendingKeys());
            return;
        }
        AgentKeyEntity key = new AgentKeyEntity();
        key.nodeId = heartbeat.nodeId();
        key.status = KeyStatus.PRE;
        key.firstSeen = now;
        key.publicKey = heartbeat.publicKey();
        key.fingerprint = AgentSignatures.fingerprint(heartbeat.publicKey());
        key.fqdn = heartbeat.fqdn();
        key.lastSeen = now;
        key.persist();
        Log.infof("agent %s on %s awaits acceptance (key %s)", key.nodeId, key.fqdn, key.fingerprint);
        events.record(List.of(Event.server(Severity.INFO, key.fqdn, "Agent " + key.nodeId
                + " asks to be accepted (key " + key.fingerprint + ")")), now);
    }

    /**
     * A waiting node asks under another key: the one waiting stays, as an administrator may be comparing it with the
     * agent's log. Told once per waiting key; deleting the waiting key lets the other one ask.
     */
    private void secondKey(AgentKeyEntity key, String fingerprint, Instant now) {
        refused.refuse("second-key", "agent %s asks under key %s while key %s waits", key.nodeId, fingerprint, key.fingerprint);
        if (contested.add(key.nodeId + " " + key.fingerprint)) {
            events.record(List.of(Event.server(Severity.WARNING, key.fqdn, "Agent " + key.nodeId + " asks under a second key "
                    + fingerprint + " while key " + key.fingerprint + " waits; delete the waiting key to let the second one ask")), now);
        }
    }

    /**
     * Whether the broker may let an agent in: its password proves the key recorded for its node, whether waiting or
     * accepted. A node not heard of yet may come in to ask; one asking under a second key is told of once and stays
     * out (see {@link #trusts}).
     */
    public boolean admitsToBroker(String nodeId, String password) {
        if (nodeId == null || nodeId.isEmpty()) {
            return false;
        }
        if (isReserved(nodeId)) {
            // the services' user, or another the broker holds itself: whoever gets here did not know its password
            refused.refuse("broker-login-reserved", "a broker login as %s, which is not an agent's name", nodeId);
            return false;
        }
        if (password == null) {
            // the broker's second look at a user it let in: each AMQP 1.0 session logs in again, with the name only.
            // A client cannot leave the password out: SASL PLAIN always carries one, empty or not.
            AgentKeyEntity key = AgentKeyEntity.findById(nodeId);
            return key == null || key.status != KeyStatus.REJECTED;
        }
        Optional<String> publicKey = BrokerLogins.provenKey(nodeId, password);
        if (publicKey.isEmpty()) {
            refused.refuse("broker-login-no-key", "a broker login as %s whose password proves no key", nodeId);
            return false;
        }
        AgentKeyEntity key = AgentKeyEntity.findById(nodeId);
        if (key == null) {
            return true;
        }
        if (key.status == KeyStatus.PRE && !key.publicKey.equals(publicKey.get())) {
            secondKey(key, AgentSignatures.fingerprint(publicKey.get()), Instant.now());
            return false;
        }
        if (key.status == KeyStatus.REJECTED || !key.publicKey.equals(publicKey.get())) {
            refused.refuse("broker-login-other-key", "a broker login as %s under another key than the one %s", nodeId, key.status.apiName());
            return false;
        }
        return true;
    }

    /** Also asked outside any request, by the reply consumer: the class's own transaction gives it a session. */
    public boolean isAccepted(String nodeId) {
        AgentKeyEntity key = AgentKeyEntity.findById(nodeId);
        return key != null && key.status == KeyStatus.ACCEPTED;
    }

    /** Forgets what was learnt of the node's heartbeats and keys, once an administrator decided on its key. */
    void forget(String nodeId) {
        lastSent.remove(nodeId);
        contested.removeIf(entry -> entry.startsWith(nodeId + " "));
    }
}
