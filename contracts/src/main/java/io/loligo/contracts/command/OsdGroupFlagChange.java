package io.loligo.contracts.command;

import java.util.List;
import java.util.Objects;

/**
 * An OSD flag set or cleared for some CRUSH buckets or OSDs only ({@code osd set-group noout node-2}): a host in
 * maintenance keeps its OSDs in while they are down.
 *
 * @param who CRUSH bucket names or OSD names ({@code osd.3})
 */
public record OsdGroupFlagChange(String fsid, String flag, List<String> who, boolean set) implements ClusterChange {
    public OsdGroupFlagChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(flag, "flag");
        who = List.copyOf(who);
        if (who.isEmpty()) {
            throw new IllegalArgumentException("a group flag needs a bucket or OSD");
        }
    }

    @Override
    public String monCommand() {
        var command = ClusterChange.command(set ? "osd set-group" : "osd unset-group").put("flags", flag);
        who.forEach(command.putArray("who")::add);
        return command.toString();
    }

    /** Cleared as daemons come back from maintenance, it is followed until every PG is active+clean again. */
    @Override
    public boolean movesData() {
        return !set;
    }
}
