package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A CephFS volume made or removed by the mgr's volumes module ({@code fs volume create}, {@code fs volume rm}), to
 * which the mons hand the command: a file system with its metadata and data pools, named after it. Where an
 * orchestrator runs (cephadm, Rook), it starts the volume's MDS daemons; elsewhere a standby MDS takes it up.
 */
public record VolumeChange(String fsid, String volume, Kind kind) implements ClusterChange {
    public enum Kind { CREATE, REMOVE }

    public VolumeChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String monCommand() {
        ObjectNode command = switch (kind) {
            case CREATE -> ClusterChange.command("fs volume create").put("name", volume);
            // the removal's own confirmation: the request was confirmed where it was asked for
            case REMOVE -> ClusterChange.command("fs volume rm").put("vol_name", volume).put("yes-i-really-mean-it", "--yes-i-really-mean-it");
        };
        return command.toString();
    }
}
