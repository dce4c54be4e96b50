package io.loligo.contracts.command;

import java.util.Objects;
import java.util.regex.Pattern;

/** A scrub, deep scrub or repair of one placement group. */
public record PgChange(String fsid, String pgid, Kind kind) implements ClusterChange {
    public enum Kind { SCRUB, DEEP_SCRUB, REPAIR }

    /** Ceph's form: the pool id, a dot, the PG's number in hexadecimal. */
    public static final Pattern PGID = Pattern.compile("\\d+\\.[0-9a-f]+");

    public PgChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(kind, "kind");
        if (pgid == null || !PGID.matcher(pgid).matches()) {
            throw new IllegalArgumentException("not a PG id: " + pgid);
        }
    }

    @Override
    public String monCommand() {
        String prefix = switch (kind) {
            case SCRUB -> "pg scrub";
            case DEEP_SCRUB -> "pg deep-scrub";
            case REPAIR -> "pg repair";
        };
        return ClusterChange.command(prefix).put("pgid", pgid).toString();
    }
}
