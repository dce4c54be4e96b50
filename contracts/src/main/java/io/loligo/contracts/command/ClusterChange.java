package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A change an agent makes to its cluster with one mon command. Each change writes its own Ceph JSON, here and
 * nowhere else: the agent runs it without knowing what it is, and cluster-service never builds command strings.
 * The one exception is {@link CrushMapChange}, whose text the agent compiles into the command's input.
 */
public sealed interface ClusterChange extends RequestedChange permits OsdChange, OsdFlagChange, OsdGroupFlagChange, PgChange, CreatePool, PoolChange, ErasureCodeProfileChange,
        CrushChange, CrushMapChange, SubvolumeChange, VolumeChange {
    /** The mon command, as librados takes it. */
    String monCommand();

    @Override
    default String describe() {
        return monCommand();
    }

    /** Ceph's JSON for a command with this prefix; the change adds its arguments. */
    static ObjectNode command(String prefix) {
        return JsonNodeFactory.instance.objectNode().put("prefix", prefix).put("format", "json");
    }
}
