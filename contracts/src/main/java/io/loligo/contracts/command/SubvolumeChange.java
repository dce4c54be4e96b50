package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One change to a CephFS volume's subvolume groups, subvolumes or their snapshots, by the mgr's volumes module, to
 * which the mons hand the command.
 *
 * @param group the subvolume group; null for a subvolume of no group
 * @param subvolume the subvolume; null for a change to a group
 * @param snapshot the snapshot, for a snapshot's change
 * @param size bytes, for {@link Kind#CREATE} (null: no quota) and {@link Kind#RESIZE} (0: none)
 * @param mode octal, as {@code 755}, for {@link Kind#CREATE} and {@link Kind#CREATE_GROUP}; null for Ceph's default
 * @param dataPool the data pool, for {@link Kind#CREATE} and {@link Kind#CREATE_GROUP}; null for the volume's
 */
public record SubvolumeChange(String fsid, String volume, Kind kind, String group, String subvolume, String snapshot, Long size,
                              String mode, String dataPool) implements ClusterChange {
    public enum Kind {
        CREATE_GROUP, REMOVE_GROUP, CREATE, RESIZE, REMOVE, CREATE_SNAPSHOT, REMOVE_SNAPSHOT
    }

    public SubvolumeChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(kind, "kind");
        boolean aboutAGroup = kind == Kind.CREATE_GROUP || kind == Kind.REMOVE_GROUP;
        if (aboutAGroup ? group == null || subvolume != null : subvolume == null) {
            throw new IllegalArgumentException(kind + (aboutAGroup ? " names a group and no subvolume" : " names a subvolume"));
        }
        if ((kind == Kind.CREATE_SNAPSHOT || kind == Kind.REMOVE_SNAPSHOT) != (snapshot != null)) {
            throw new IllegalArgumentException(kind + " and only it names a snapshot");
        }
        if (kind == Kind.RESIZE && size == null) {
            throw new IllegalArgumentException("a resize needs a size");
        }
    }

    public static SubvolumeChange group(String fsid, String volume, Kind kind, String group, String mode, String dataPool) {
        return new SubvolumeChange(fsid, volume, kind, group, null, null, null, mode, dataPool);
    }

    public static SubvolumeChange of(String fsid, String volume, Kind kind, String group, String subvolume) {
        return new SubvolumeChange(fsid, volume, kind, group, subvolume, null, null, null, null);
    }

    @Override
    public String monCommand() {
        ObjectNode command = switch (kind) {
            case CREATE_GROUP -> ClusterChange.command("fs subvolumegroup create").put("group_name", group);
            case REMOVE_GROUP -> ClusterChange.command("fs subvolumegroup rm").put("group_name", group);
            case CREATE -> ClusterChange.command("fs subvolume create").put("sub_name", subvolume);
            case RESIZE -> ClusterChange.command("fs subvolume resize").put("sub_name", subvolume)
                    // the volumes module takes "inf" for no quota, and a size as text
                    .put("new_size", size == 0 ? "inf" : String.valueOf(size));
            // Ceph refuses while snapshots remain: a request removes them first
            case REMOVE -> ClusterChange.command("fs subvolume rm").put("sub_name", subvolume).put("force", false);
            case CREATE_SNAPSHOT -> ClusterChange.command("fs subvolume snapshot create").put("sub_name", subvolume).put("snap_name", snapshot);
            case REMOVE_SNAPSHOT -> ClusterChange.command("fs subvolume snapshot rm").put("sub_name", subvolume).put("snap_name", snapshot);
        };
        command.put("vol_name", volume);
        if (group != null && kind != Kind.CREATE_GROUP && kind != Kind.REMOVE_GROUP) {
            command.put("group_name", group);
        }
        if (kind == Kind.CREATE && size != null) {
            command.put("size", size);
        }
        if (mode != null) {
            command.put("mode", mode);
        }
        if (dataPool != null) {
            command.put("pool_layout", dataPool);
        }
        return command.toString();
    }
}
