package io.loligo.cluster.agent;

import io.loligo.cluster.event.Event;
import io.loligo.cluster.event.EventLog;
import io.loligo.cluster.event.Severity;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.KeyApi.KeyPatch;
import io.loligo.contracts.api.KeyApi.KeyView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.identity.BrokerLogins;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agents are trusted: those whose key an administrator accepted, and whose heartbeat that key signed.
 * An agent heard of for the first time is recorded as pending, and told of in an event.
 */
@ApplicationScoped
@Transactional
public class AgentKeys {
    /** How stale {@code last_seen} may get, so that a heartbeat does not write on every period. */
    private static final Duration SEEN_RESOLUTION = Duration.ofMinutes(1);

    /** Nodes already warned about, so that an untrusted agent does not fill the log every period. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    @Inject
    EventLog events;

    /** Whether the heartbeat may be acted on: signed, by the key accepted for its node. */
    public boolean trusts(NodeHeartbeat heartbeat, byte[] body, String signature, Instant now) {
        if (!AgentSignatures.verifies(heartbeat.publicKey(), body, signature)) {
            warnOnce(heartbeat.nodeId(), "ignoring heartbeats of %s: not signed by the key they carry", heartbeat.nodeId());
            return false;
        }
        AgentKeyEntity key = AgentKeyEntity.findById(heartbeat.nodeId());
        if (key == null) {
            key = new AgentKeyEntity();
            key.nodeId = heartbeat.nodeId();
            key.status = KeyStatus.PRE;
            key.firstSeen = now;
            hold(key, heartbeat, now);
            key.persist();
            Log.infof("agent %s on %s awaits acceptance (key %s)", key.nodeId, key.fqdn, key.fingerprint);
            events.record(List.of(Event.server(Severity.INFO, key.fqdn, "Agent " + key.nodeId
                    + " asks to be accepted (key " + key.fingerprint + ")")), now);
            return false;
        }
        if (!key.publicKey.equals(heartbeat.publicKey())) {
            if (key.status == KeyStatus.PRE) {
                // not decided yet: the agent made a new key, say after losing its state; the newer one waits instead
                hold(key, heartbeat, now);
                return false;
            }
            warnOnce(key.nodeId, "ignoring heartbeats of %s: signed by another key than the one %s; delete its key to enrol it again",
                    key.nodeId, key.status.apiName());
            return false;
        }
        if (key.lastSeen.plus(SEEN_RESOLUTION).isBefore(now)) {
            key.lastSeen = now;
            key.fqdn = heartbeat.fqdn();
        }
        return key.status == KeyStatus.ACCEPTED;
    }

    /**
     * Whether the broker may let an agent in: its password proves a key (see {@link BrokerLogins}) that is not
     * refused for its node. A node not heard of yet may come in to ask; a pending node may come in under a newer
     * key, as its heartbeats may (see {@link #trusts}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean admitsToBroker(String nodeId, String password) {
        if (nodeId == null || nodeId.isEmpty()) {
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
            warnOnce(nodeId, "refused %s on the broker: its password proves no key", nodeId);
            return false;
        }
        AgentKeyEntity key = AgentKeyEntity.findById(nodeId);
        if (key == null || key.status == KeyStatus.PRE) {
            return true;
        }
        if (key.status == KeyStatus.REJECTED || !key.publicKey.equals(publicKey.get())) {
            warnOnce(nodeId, "refused %s on the broker: its key is not the one %s", nodeId, key.status.apiName());
            return false;
        }
        return true;
    }

    /** Also asked outside any request, by the reply consumer: the class's own transaction gives it a session. */
    public boolean isAccepted(String nodeId) {
        AgentKeyEntity key = AgentKeyEntity.findById(nodeId);
        return key != null && key.status == KeyStatus.ACCEPTED;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KeyView> list() {
        return AgentKeyEntity.<AgentKeyEntity>listAll(Sort.by("nodeId")).stream().map(AgentKeys::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeyView get(String nodeId) {
        return view(find(nodeId));
    }

    /** Every decision, or none when one of them cannot be made. */
    public List<KeyView> decide(List<KeyPatch> patches, String user, Instant now) {
        if (patches == null || patches.isEmpty()) {
            throw ApiException.invalid(List.of(new FieldError("body", "must list the keys to decide: [{\"id\": ..., \"status\": \"accepted\"}]")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<AgentKeyEntity> keys = new ArrayList<>();
        List<KeyStatus> decisions = new ArrayList<>();
        for (int i = 0; i < patches.size(); i++) {
            KeyPatch patch = patches.get(i);
            AgentKeyEntity key = patch == null || patch.id() == null ? null : AgentKeyEntity.findById(patch.id());
            if (key == null) {
                errors.add(new FieldError("[" + i + "].id", "names no agent key"));
                continue;
            }
            KeyStatus decision = decision(patch.status(), "[" + i + "].status", key, errors);
            keys.add(key);
            decisions.add(decision);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<KeyView> decided = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            decided.add(apply(keys.get(i), decisions.get(i), user, now));
        }
        return decided;
    }

    public KeyView decide(String nodeId, KeyPatch patch, String user, Instant now) {
        AgentKeyEntity key = find(nodeId);
        List<FieldError> errors = new ArrayList<>();
        KeyStatus decision = decision(patch == null ? null : patch.status(), "status", key, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return apply(key, decision, user, now);
    }

    /** Forgets the key: the agent's next heartbeat asks again, under whatever key it has then. */
    public void delete(String nodeId, String user, Instant now) {
        AgentKeyEntity key = find(nodeId);
        key.delete();
        warned.remove(nodeId);
        Log.infof("key of agent %s deleted by %s", nodeId, user);
        events.record(List.of(Event.server(Severity.INFO, key.fqdn, "Key of agent " + nodeId + " deleted by " + user)), now);
    }

    private static KeyStatus decision(String status, String field, AgentKeyEntity key, List<FieldError> errors) {
        KeyStatus decision = KeyStatus.decision(status).orElse(null);
        if (decision == null) {
            errors.add(new FieldError(field, "must be accepted or rejected, not '" + status + "'"));
        } else if (!key.status.mayBecome(decision)) {
            errors.add(new FieldError(field, "the key of " + key.nodeId + " is already " + key.status.apiName()
                    + "; delete it to let the agent ask again"));
        }
        return decision;
    }

    private KeyView apply(AgentKeyEntity key, KeyStatus decision, String user, Instant now) {
        if (key.status != decision) {
            key.status = decision;
            key.decidedBy = user;
            key.decidedAt = now;
            warned.remove(key.nodeId);
            Log.infof("key of agent %s (%s) %s by %s", key.nodeId, key.fingerprint, decision.apiName(), user);
            events.record(List.of(Event.server(Severity.INFO, key.fqdn, "Agent " + key.nodeId + " "
                    + decision.apiName() + " by " + user)), now);
        }
        return view(key);
    }

    private static void hold(AgentKeyEntity key, NodeHeartbeat heartbeat, Instant now) {
        key.publicKey = heartbeat.publicKey();
        key.fingerprint = AgentSignatures.fingerprint(heartbeat.publicKey());
        key.fqdn = heartbeat.fqdn();
        key.lastSeen = now;
    }

    private void warnOnce(String nodeId, String format, Object... arguments) {
        if (warned.add(nodeId)) {
            Log.warnf(format, arguments);
        }
    }

    private static AgentKeyEntity find(String nodeId) {
        return AgentKeyEntity.<AgentKeyEntity>findByIdOptional(nodeId)
                .orElseThrow(() -> new NotFoundException("no agent key " + nodeId));
    }

    private static KeyView view(AgentKeyEntity key) {
        return new KeyView(key.nodeId, key.status.apiName(), key.fingerprint, key.fqdn,
                key.firstSeen.atOffset(ZoneOffset.UTC), key.lastSeen.atOffset(ZoneOffset.UTC), key.decidedBy);
    }
}
