package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.loligo.contracts.heartbeat.ClusterMap;

import java.util.Objects;

/**
 * An agent's answer to one command.
 *
 * @param error null on success; otherwise a machine reason ("RadosError", "Timeout", ...) and a message
 * @param map for {@link FetchClusterMap}: the map's content and the version it has
 * @param output for a read ({@link ReadUsage}, {@link ReadClusterLog}): Ceph's JSON answer
 * @param progress for a change that {@link RequestedChange#runsLong runs long}, still running: how far it got; the command's answer comes later
 */
public record CommandReply(String commandId, String nodeId, Failure error, MapContent map, JsonNode output, Progress progress) {
    public CommandReply {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(nodeId, "nodeId");
        // Jackson reads a JSON null into a JsonNode field as NullNode: no output is no output
        if (output != null && output.isNull()) {
            output = null;
        }
    }

    public static CommandReply failed(String commandId, String nodeId, Failure error) {
        return new CommandReply(commandId, nodeId, Objects.requireNonNull(error, "error"), null, null, null);
    }

    public static CommandReply withMap(String commandId, String nodeId, MapContent map) {
        return new CommandReply(commandId, nodeId, null, Objects.requireNonNull(map, "map"), null, null);
    }

    public static CommandReply withOutput(String commandId, String nodeId, JsonNode output) {
        return new CommandReply(commandId, nodeId, null, null, Objects.requireNonNull(output, "output"), null);
    }

    public static CommandReply inProgress(String commandId, String nodeId, Progress progress) {
        return new CommandReply(commandId, nodeId, null, null, null, Objects.requireNonNull(progress, "progress"));
    }

    /** Whether this is the command's answer rather than word of its progress. */
    public boolean answers() {
        return progress == null;
    }

    /**
     * How far a long change got: an amount done, in librbd's units (objects, or bytes) or in PGs; the stage it is at
     * ("stopping osd.3", a clone's state); or both. A stage waited in counts its seconds apart, so that the same stage
     * reported again is told from a new one.
     *
     * @param total 0 when Ceph tells no amount
     * @param stage null when the amount says it all
     */
    public record Progress(long done, long total, String stage, long stageSeconds) {
        public Progress(long done, long total) {
            this(done, total, null, 0);
        }

        public static Progress at(String stage) {
            return new Progress(0, 0, stage, 0);
        }

        /** {@code stage} entered {@code seconds} ago and not left yet. */
        public static Progress waiting(String stage, long seconds) {
            return new Progress(0, 0, stage, seconds);
        }

        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, 100 * done / total);
        }

        /** For a request's phase: "waiting for osd.3 to stop (4 s)", "2,048 of 4,096 objects: 50 % done". */
        public String describe() {
            StringBuilder text = new StringBuilder(stage == null ? "" : stage);
            if (stage != null && stageSeconds > 0) {
                text.append(" (").append(stageSeconds).append(" s)");
            }
            if (total > 0) {
                text.append(stage == null ? "" : ": ").append(percent()).append(" % done");
            }
            return text.toString();
        }
    }

    public record Failure(String reason, String message) {
        /**
         * The monitors did not answer (no connection, or no reply in time): the command was not carried out as far as
         * the agent can tell, and may be sent again once they are back.
         */
        public static final String MONITORS_UNREACHABLE = "MonitorsUnreachable";
        /** The command needs the mgr, and no mgr answers now; the monitors may be fine. */
        public static final String MGR_UNAVAILABLE = "MgrUnavailable";

        public boolean is(String reason) {
            return this.reason.equals(reason);
        }
    }

    @JsonDeserialize(using = MapContentReader.class)
    public record MapContent(String fsid, ClusterMap map, long version, JsonNode content) {
        public MapContent {
            Objects.requireNonNull(fsid, "fsid");
            Objects.requireNonNull(map, "map");
            Objects.requireNonNull(content, "content");
        }
    }
}
