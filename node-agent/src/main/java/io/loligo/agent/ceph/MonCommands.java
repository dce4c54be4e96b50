package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Sends commands to the monitors through one handle, telling those the mgr serves from the others: Ceph's own
 * command table ({@code get_command_descriptions}, flag {@link #MGR_FLAG}) says which, and {@link MgrGate} whether
 * the mgr answers now. A command the mgr cannot answer fails with {@link MgrUnavailableException}, at once where the
 * gate knows, and reads of the mons alone go on unharmed.
 */
public final class MonCommands {
    /** Ceph's {@code MonCommand::FLAG_MGR}: the mons hand the command to the active mgr. */
    static final int MGR_FLAG = 8;
    /**
     * Answered by the mons from the mgr's last digest: without a mgr they answer figures that no longer move, which
     * is worse than saying the mgr is missing.
     */
    private static final Set<String> FROM_MGR_DIGEST = Set.of("df");

    private final RadosHandle rados;
    private final MgrGate gate;
    private final ObjectMapper mapper;
    private final Clock clock;
    private Set<String> mgrServed;

    MonCommands(RadosHandle rados, MgrGate gate, ObjectMapper mapper, Clock clock) {
        this.rados = rados;
        this.gate = gate;
        this.mapper = mapper;
        this.clock = clock;
    }

    RadosHandle handle() {
        return rados;
    }

    /** Runs a command whatever serves it; {@link MgrUnavailableException} when the mgr should and cannot. */
    public CommandResult run(String json, byte[] input) {
        String prefix = prefixOf(json);
        if (!needsMgr(prefix)) {
            return rados.monCommand(json, input);
        }
        gate.refusal(clock.instant()).ifPresent(reason -> {
            throw new MgrUnavailableException(prefix, reason);
        });
        try {
            CommandResult result = rados.monCommand(json, input);
            gate.answered();
            return result;
        } catch (RadosException e) {
            if (!e.isTimeout()) {
                gate.answered();
                throw e;
            }
            gate.timedOut(clock.instant());
            throw new MgrUnavailableException(prefix, "the active ceph-mgr did not answer in time");
        }
    }

    /** As the ceph CLI runs a command: its answer even when it failed, and the mgr's absence said as for {@link #run}. */
    public RadosHandle.Attempt attempt(String json) {
        String prefix = prefixOf(json);
        if (needsMgr(prefix)) {
            gate.refusal(clock.instant()).ifPresent(reason -> {
                throw new MgrUnavailableException(prefix, reason);
            });
        }
        return rados.attemptMonCommand(json);
    }

    /** What the mons say of the mgr, from a {@code status} reply. */
    void observeStatus(JsonNode status) {
        gate.announced(status.path("mgrmap").path("available").asBoolean(false));
    }

    boolean needsMgr(String prefix) {
        return FROM_MGR_DIGEST.contains(prefix) || mgrServed().contains(prefix);
    }

    /** Read once per connection: the mons keep the mgr's commands in their table while it is away. */
    private Set<String> mgrServed() {
        if (mgrServed == null) {
            mgrServed = mgrServed(parse(rados.monCommand("{\"prefix\":\"get_command_descriptions\"}").output()));
        }
        return mgrServed;
    }

    /** The prefixes of the commands a {@code get_command_descriptions} reply marks as the mgr's. Pure. */
    static Set<String> mgrServed(JsonNode descriptions) {
        Set<String> served = new HashSet<>();
        descriptions.forEach(description -> {
            if ((description.path("flags").asInt() & MGR_FLAG) != 0) {
                StringBuilder prefix = new StringBuilder();
                for (JsonNode part : description.path("sig")) {
                    if (!part.isTextual()) {
                        break;
                    }
                    prefix.append(prefix.isEmpty() ? "" : " ").append(part.asText());
                }
                served.add(prefix.toString());
            }
        });
        return Set.copyOf(served);
    }

    private String prefixOf(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8)).path("prefix").asText();
    }

    private JsonNode parse(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a command or its answer was not JSON", e);
        }
    }
}
