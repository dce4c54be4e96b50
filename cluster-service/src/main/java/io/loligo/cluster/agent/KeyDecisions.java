package io.loligo.cluster.agent;

import io.loligo.cluster.event.Event;
import io.loligo.cluster.event.EventLog;
import io.loligo.cluster.event.Severity;
import io.loligo.contracts.api.KeyApi.KeyPatch;
import io.loligo.contracts.api.KeyApi.KeyView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Administrators' decisions on agents' keys: accepted, rejected, or deleted so that the agent asks again. */
@ApplicationScoped
@Transactional
public class KeyDecisions {

    @Inject
    EventLog events;
    @Inject
    AgentTrust trust;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KeyView> list() {
        return AgentKeyEntity.<AgentKeyEntity>listAll(Sort.by("nodeId")).stream().map(KeyDecisions::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeyView get(String nodeId) {
        return view(find(nodeId));
    }

    /** Every decision, or none when one of them cannot be made. */
    public List<KeyView> decide(List<KeyPatch> patches, String user, Instant now) {
        if (patches == null || patches.isEmpty()) {
            throw InvalidInput.of("body", "must list the keys to decide: [{\"id\": ..., \"status\": \"accepted\"}]");
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
        InvalidInput.refuseIfAny(errors);
        for (int i = 0; i < keys.size(); i++) {
            checkFingerprint(keys.get(i), decisions.get(i), patches.get(i).fingerprint());
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
        InvalidInput.refuseIfAny(errors);
        checkFingerprint(key, decision, patch.fingerprint());
        return apply(key, decision, user, now);
    }

    /** Forgets the key: the agent's next heartbeat asks again, under whatever key it has then. */
    public void delete(String nodeId, String user, Instant now) {
        AgentKeyEntity key = find(nodeId);
        key.delete();
        trust.forget(nodeId);
        Log.infof("key of agent %s deleted by %s", nodeId, user);
        events.record(List.of(Event.server(Severity.INFO, key.fqdn, "Key of agent " + nodeId + " deleted by " + user)), now);
    }

    /**
     * An acceptance names the key it accepts, as the administrator compared it with the agent's log; when it names
     * another than the one waiting, nothing is accepted. The API requires the name; Calamari's clients never sent one.
     */
    private static void checkFingerprint(AgentKeyEntity key, KeyStatus decision, String fingerprint) {
        if (decision == KeyStatus.ACCEPTED && fingerprint != null && !fingerprint.equals(key.fingerprint)) {
            throw new Conflict("FingerprintMismatch", "the key of " + key.nodeId + " is " + key.fingerprint
                    + ", not " + fingerprint + ": compare it with the one the agent logged at its start");
        }
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
            trust.forget(key.nodeId);
            Log.infof("key of agent %s (%s) %s by %s", key.nodeId, key.fingerprint, decision.apiName(), user);
            events.record(List.of(Event.server(Severity.INFO, key.fqdn, "Agent " + key.nodeId + " "
                    + decision.apiName() + " by " + user)), now);
        }
        return view(key);
    }

    private static AgentKeyEntity find(String nodeId) {
        return AgentKeyEntity.<AgentKeyEntity>findByIdOptional(nodeId)
                .orElseThrow(() -> new NotFound("AgentKey", "no agent key " + nodeId));
    }

    private static KeyView view(AgentKeyEntity key) {
        return new KeyView(key.nodeId, key.status.apiName(), key.fingerprint, key.fqdn,
                key.firstSeen.atOffset(ZoneOffset.UTC), key.lastSeen.atOffset(ZoneOffset.UTC), key.decidedBy);
    }}
