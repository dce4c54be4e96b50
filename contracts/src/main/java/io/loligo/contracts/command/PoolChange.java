package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One change to a pool. {@code pool} is the pool's name, as Ceph's pool commands take it; {@code value} is the new
 * value for a setting, quota, name or application.
 */
public record PoolChange(String fsid, String pool, Kind kind, String value) implements ClusterChange {
    public enum Kind {
        SIZE("size"), MIN_SIZE("min_size"), PG_NUM("pg_num"), PGP_NUM("pgp_num"), CRUSH_RULE("crush_rule"), HASHPSPOOL("hashpspool"),
        QUOTA_MAX_BYTES("max_bytes"), QUOTA_MAX_OBJECTS("max_objects"), RENAME(null), ENABLE_APPLICATION(null), DELETE(null);

        /** Ceph's name for a setting ({@code osd pool set}) or a quota ({@code osd pool set-quota}). */
        final String cephName;

        Kind(String cephName) {
            this.cephName = cephName;
        }
    }

    public PoolChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DELETE) != (value == null)) {
            throw new IllegalArgumentException(kind + (kind == Kind.DELETE ? " takes no value" : " needs a value"));
        }
    }

    @Override
    public boolean movesData() {
        return switch (kind) {
            case SIZE, PG_NUM, PGP_NUM, CRUSH_RULE, HASHPSPOOL -> true;
            default -> false;
        };
    }

    @Override
    public String monCommand() {
        ObjectNode command = switch (kind) {
            case SIZE, MIN_SIZE, PG_NUM, PGP_NUM, CRUSH_RULE ->
                    ClusterChange.command("osd pool set").put("pool", pool).put("var", kind.cephName).put("val", value);
            // Ceph asks to be sure: the flag places every PG of the pool anew
            case HASHPSPOOL -> ClusterChange.command("osd pool set").put("pool", pool).put("var", kind.cephName).put("val", value)
                    .put("yes_i_really_mean_it", true);
            case QUOTA_MAX_BYTES, QUOTA_MAX_OBJECTS ->
                    ClusterChange.command("osd pool set-quota").put("pool", pool).put("field", kind.cephName).put("val", value);
            case RENAME -> ClusterChange.command("osd pool rename").put("srcpool", pool).put("destpool", value);
            case ENABLE_APPLICATION -> ClusterChange.command("osd pool application enable").put("pool", pool).put("app", value);
            // Ceph's own safety: mon_allow_pool_delete and the pool's nodelete flag still apply
            case DELETE -> ClusterChange.command("osd pool rm").put("pool", pool).put("pool2", pool)
                    .put("yes_i_really_really_mean_it", true);
        };
        return command.toString();
    }
}
