package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One change to the CRUSH map: a rule or a bucket created, renamed, moved or removed.
 *
 * @param name the rule's or bucket's name
 * @param target what the change needs besides the name: the new name, the bucket type, the location to move to
 *               ({@code root=default}), or for a replicated rule its root; null for a removal
 * @param failureDomain for a replicated rule: the bucket type its copies are spread across
 * @param deviceClass for a replicated rule: only devices of this class, or null for any
 */
public record CrushChange(String fsid, Kind kind, String name, String target, String failureDomain, String deviceClass)
        implements ClusterChange {
    public enum Kind { CREATE_REPLICATED_RULE, RENAME_RULE, REMOVE_RULE, ADD_BUCKET, MOVE_BUCKET, RENAME_BUCKET, REMOVE_BUCKET }

    public CrushChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        boolean removal = kind == Kind.REMOVE_RULE || kind == Kind.REMOVE_BUCKET;
        if (removal != (target == null)) {
            throw new IllegalArgumentException(kind + (removal ? " takes no target" : " needs a target"));
        }
        if ((kind == Kind.CREATE_REPLICATED_RULE) != (failureDomain != null)) {
            throw new IllegalArgumentException("a failure domain is for creating a replicated rule only");
        }
    }

    public static CrushChange of(String fsid, Kind kind, String name, String target) {
        return new CrushChange(fsid, kind, name, target, null, null);
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
        };
        return command.toString();
    }
}
