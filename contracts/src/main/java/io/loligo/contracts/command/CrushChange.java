package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One change to the CRUSH map: a rule or a bucket created, renamed, moved or removed; an OSD placed, unlinked or
 * reweighted.
 *
 * @param name the rule's, bucket's or OSD's ({@code osd.3}) name
 * @param target what the change needs besides the name: the new name, the bucket type, the location to move or set
 *               to ({@code root=default}), the bucket to unlink from, or for a replicated rule its root; null for a
 *               removal or a reweight
 * @param failureDomain for a replicated rule: the bucket type its copies are spread across
 * @param deviceClass for a replicated rule: only devices of this class, or null for any
 * @param weight for placing or reweighting an OSD: its CRUSH weight
 */
public record CrushChange(String fsid, Kind kind, String name, String target, String failureDomain, String deviceClass,
                          Double weight) implements ClusterChange {
    public enum Kind {
        CREATE_REPLICATED_RULE, RENAME_RULE, REMOVE_RULE, ADD_BUCKET, MOVE_BUCKET, RENAME_BUCKET, REMOVE_BUCKET,
        /** Places an OSD under a bucket, at a weight, wherever it was before. */
        SET_OSD,
        /** Takes an item out of one bucket, leaving it wherever else it is. */
        UNLINK,
        REWEIGHT_OSD
    }

    public CrushChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        boolean noTarget = kind == Kind.REMOVE_RULE || kind == Kind.REMOVE_BUCKET || kind == Kind.REWEIGHT_OSD;
        if (noTarget != (target == null)) {
            throw new IllegalArgumentException(kind + (noTarget ? " takes no target" : " needs a target"));
        }
        if ((kind == Kind.SET_OSD || kind == Kind.REWEIGHT_OSD) != (weight != null)) {
            throw new IllegalArgumentException("a weight is for placing or reweighting an OSD only");
        }
        if ((kind == Kind.CREATE_REPLICATED_RULE) != (failureDomain != null)) {
            throw new IllegalArgumentException("a failure domain is for creating a replicated rule only");
        }
    }

    public static CrushChange of(String fsid, Kind kind, String name, String target) {
        return new CrushChange(fsid, kind, name, target, null, null, null);
    }

    /** Places {@code osd} ({@code osd.3}) under {@code location} ({@code host=vm}) at {@code weight}. */
    public static CrushChange setOsd(String fsid, String osd, String location, double weight) {
        return new CrushChange(fsid, Kind.SET_OSD, osd, location, null, null, weight);
    }

    public static CrushChange reweightOsd(String fsid, String osd, double weight) {
        return new CrushChange(fsid, Kind.REWEIGHT_OSD, osd, null, null, null, weight);
    }

    @Override
    public String monCommand() {
        ObjectNode command = switch (kind) {
            case CREATE_REPLICATED_RULE -> {
                ObjectNode rule = ClusterChange.command("osd crush rule create-replicated").put("name", name)
                        .put("root", target).put("type", failureDomain);
                yield deviceClass == null ? rule : rule.put("class", deviceClass);
            }
            case RENAME_RULE -> ClusterChange.command("osd crush rule rename").put("srcname", name).put("dstname", target);
            case REMOVE_RULE -> ClusterChange.command("osd crush rule rm").put("name", name);
            case ADD_BUCKET -> ClusterChange.command("osd crush add-bucket").put("name", name).put("type", target);
            case MOVE_BUCKET -> {
                ObjectNode move = ClusterChange.command("osd crush move").put("name", name);
                move.putArray("args").add(target);
                yield move;
            }
            case RENAME_BUCKET -> ClusterChange.command("osd crush rename-bucket").put("srcname", name).put("dstname", target);
            case REMOVE_BUCKET -> ClusterChange.command("osd crush remove").put("name", name);
            case SET_OSD -> {
                ObjectNode set = ClusterChange.command("osd crush set").put("id", name).put("weight", weight);
                set.putArray("args").add(target);
                yield set;
            }
            case UNLINK -> ClusterChange.command("osd crush unlink").put("name", name).put("ancestor", target);
            case REWEIGHT_OSD -> ClusterChange.command("osd crush reweight").put("name", name).put("weight", weight);
        };
        return command.toString();
    }
}
