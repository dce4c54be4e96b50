package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A new pool, replicated or erasure-coded. Its size, quotas and application are set by the {@link PoolChange}s
 * that follow it in the same request.
 *
 * @param erasureCodeProfile for an erasure-coded pool; null for a replicated one
 * @param crushRule the rule's name, or null for Ceph's default
 */
public record CreatePool(String fsid, String name, int pgNum, int pgpNum, boolean erasure, String erasureCodeProfile,
                         String crushRule) implements ClusterChange {
    public CreatePool {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(name, "name");
        if (pgNum < 1 || pgpNum < 1 || pgpNum > pgNum) {
            throw new IllegalArgumentException("pg_num and pgp_num must be positive, and pgp_num at most pg_num");
        }
        if (erasure != (erasureCodeProfile != null)) {
            throw new IllegalArgumentException("an erasure-coded pool, and only one, names its profile");
        }
    }

    @Override
    public String monCommand() {
        ObjectNode command = ClusterChange.command("osd pool create").put("pool", name).put("pg_num", pgNum)
                .put("pgp_num", pgpNum).put("pool_type", erasure ? "erasure" : "replicated");
        if (erasure) {
            command.put("erasure_code_profile", erasureCodeProfile);
        }
        if (crushRule != null) {
            command.put("rule", crushRule);
        }
        return command.toString();
    }
}
