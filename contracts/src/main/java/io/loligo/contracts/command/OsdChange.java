package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/** One OSD changed: marked in, out or down, reweighted, given a primary affinity, scrubbed, or (destroyed already) purged. */
public record OsdChange(String fsid, int osd, Kind kind, Double weight) implements ClusterChange {
    public enum Kind { MARK_IN, MARK_OUT, MARK_DOWN, REWEIGHT, PRIMARY_AFFINITY, SCRUB, DEEP_SCRUB, REPAIR, PURGE_DESTROYED }

    public OsdChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(kind, "kind");
        if (osd < 0) {
            throw new IllegalArgumentException("osd must not be negative");
        }
        boolean weighted = kind == Kind.REWEIGHT || kind == Kind.PRIMARY_AFFINITY;
        if (weighted != (weight != null)) {
            throw new IllegalArgumentException(kind + (weighted ? " needs" : " takes no") + " weight");
        }
        if (weighted && (weight < 0 || weight > 1)) {
            throw new IllegalArgumentException("weight must be between 0 and 1");
        }
    }

    public static OsdChange of(String fsid, int osd, Kind kind) {
        return new OsdChange(fsid, osd, kind, null);
    }

    @Override
    public boolean movesData() {
        return kind == Kind.MARK_IN || kind == Kind.MARK_OUT || kind == Kind.REWEIGHT;
    }

    @Override
    public String monCommand() {
        ObjectNode command = switch (kind) {
            case MARK_IN -> ClusterChange.command("osd in").set("ids", ids());
            case MARK_OUT -> ClusterChange.command("osd out").set("ids", ids());
            case MARK_DOWN -> ClusterChange.command("osd down").set("ids", ids());
            case REWEIGHT -> ClusterChange.command("osd reweight").put("id", osd).put("weight", weight);
            case PRIMARY_AFFINITY -> ClusterChange.command("osd primary-affinity").put("id", "osd." + osd).put("weight", weight);
            case SCRUB -> ClusterChange.command("osd scrub").put("who", String.valueOf(osd));
            case DEEP_SCRUB -> ClusterChange.command("osd deep-scrub").put("who", String.valueOf(osd));
            case REPAIR -> ClusterChange.command("osd repair").put("who", String.valueOf(osd));
            // its daemon is gone and its device wiped with the destroy: only the maps, CRUSH and auth hold it. The
            // mons' own command, which the mgr's osd purge sends after its check: a destroyed OSD holds no data
            case PURGE_DESTROYED -> ClusterChange.command("osd purge-actual").put("id", osd).put("yes_i_really_mean_it", true);
        };
        return command.toString();
    }

    private ArrayNode ids() {
        return JsonNodeFactory.instance.arrayNode().add(String.valueOf(osd));
    }
}
