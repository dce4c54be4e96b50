package io.loligo.contracts.command;

import java.util.Objects;

/**
 * What changing a pool's replica count, placement PG count or CRUSH rule would move, computed by the agent with Ceph's
 * crushtool on a copy of the OSD map now, as {@link PreviewOsdWeight} is. Reads only.
 *
 * @param size the pool's size after the change, or null to keep it
 * @param pgNum its pg_num after the change, not below today's (a split: each new PG starts where its parent is), or
 *              null to keep it
 * @param pgpNum its pgp_num after the change (at most its pg_num), or null to keep it, or to follow a new pg_num as
 *               the mgr makes it do
 * @param crushRule the id of the CRUSH rule it would follow, or null to keep it
 */
public record PreviewPoolChange(String fsid, int pool, Integer size, Integer pgNum, Integer pgpNum, Integer crushRule) implements AgentCommand {
    public PreviewPoolChange {
        Objects.requireNonNull(fsid, "fsid");
        if (pool < 0) {
            throw new IllegalArgumentException("pool must not be negative");
        }
        if (size == null && pgNum == null && pgpNum == null && crushRule == null) {
            throw new IllegalArgumentException("a preview changes the size, pg_num, pgp_num or CRUSH rule");
        }
    }
}
