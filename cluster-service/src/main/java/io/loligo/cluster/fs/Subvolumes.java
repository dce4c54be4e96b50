package io.loligo.cluster.fs;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.FileSystemView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.SubvolumeViews;
import io.loligo.contracts.command.SubvolumeChange;
import io.loligo.contracts.command.SubvolumeClone;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;
import io.loligo.contracts.refusal.Unavailable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A CephFS volume's subvolume groups and subvolumes as the agent read them from the volumes module, and the forms
 * that change them, checked against them before anything reaches Ceph: each field that cannot be is named in one
 * 400, a taken name or a group still holding subvolumes is a 409. Pure.
 */
public final class Subvolumes {
    private static final Pattern MODE = Pattern.compile("[0-7]{3,4}");
    /** Names the volumes module keeps for itself, and those that cannot be a directory's. */
    private static final Pattern NAME = Pattern.compile("[^/\\p{Cntrl}]{1,255}");

    private Subvolumes() {
    }

    /**
     * A volume as its forms are checked against it.
     *
     * @param pending the subvolumes the agent listed but has not described yet, which its next reads describe first
     */
    public record Volume(String fsid, FileSystemView fileSystem, List<SubvolumeViews.Group> groups, List<SubvolumeViews.Subvolume> subvolumes,
                         List<Named> pending) {
        public SubvolumeViews.Subvolume subvolume(String name, String group) {
            return subvolumes.stream().filter(candidate -> candidate.name().equals(name) && Objects.equals(candidate.group(), group))
                    .findFirst().orElseThrow(() -> pending.contains(new Named(name, group))
                            ? new Unavailable("SubvolumeBeingRead", "subvolume '" + name + "' is new to Loligo, which is reading"
                            + " the " + pending.size() + " it has not yet described in " + fileSystem.name() + ": ask again in seconds")
                            : new NotFound("Subvolume", "no subvolume '" + name + "'"
                            + (group == null ? " outside the groups" : " in group '" + group + "'") + " of " + fileSystem.name()
                            + "; there are " + subvolumes.stream().filter(candidate -> Objects.equals(candidate.group(), group))
                            .map(SubvolumeViews.Subvolume::name).limit(20).toList()));
        }

        boolean hasGroup(String name) {
            return groups.stream().anyMatch(group -> group.name().equals(name));
        }

        boolean has(String name, String group) {
            return pending.contains(new Named(name, group))
                    || subvolumes.stream().anyMatch(subvolume -> subvolume.name().equals(name) && Objects.equals(subvolume.group(), group));
        }

        /** The subvolumes of the group asked, or all when none is. */
        public List<SubvolumeViews.Subvolume> of(String group) {
            return group == null ? subvolumes : subvolumes.stream().filter(subvolume -> group.equals(subvolume.group())).toList();
        }
    }

    /** A subvolume by name, of no group when {@code group} is null. */
    public record Named(String name, String group) {
    }

    /** The agent's answer to a {@code ReadSubvolumes}, read as views. */
    public static Volume of(String fsid, FileSystemView fileSystem, JsonNode read) {
        List<SubvolumeViews.Group> groups = new ArrayList<>();
        read.path("groups").forEach(group -> groups.add(new SubvolumeViews.Group(group.path("name").asText())));
        List<SubvolumeViews.Subvolume> subvolumes = new ArrayList<>();
        for (JsonNode subvolume : read.path("subvolumes")) {
            List<String> snapshots = new ArrayList<>();
            subvolume.path("snapshots").forEach(snapshot -> snapshots.add(snapshot.path("name").asText()));
            JsonNode quota = subvolume.path("bytes_quota");
            subvolumes.add(new SubvolumeViews.Subvolume(subvolume.path("name").asText(), subvolume.path("group").asText(null),
                    subvolume.path("path").asText(null), quota.isNumber() ? quota.asLong() : null, subvolume.path("bytes_used").asLong(),
                    mode(subvolume.path("mode")), subvolume.path("data_pool").asText(null), subvolume.path("state").asText(null),
                    subvolume.path("created_at").asText(null), List.copyOf(snapshots)));
        }
        List<Named> pending = new ArrayList<>();
        read.path("pending").forEach(named -> pending.add(new Named(named.path("name").asText(), named.path("group").asText(null))));
        return new Volume(fsid, fileSystem, List.copyOf(groups), List.copyOf(subvolumes), List.copyOf(pending));
    }

    /** The volumes module answers a directory's {@code st_mode}, as 16877; the API speaks octal permissions, as 755. */
    private static String mode(JsonNode mode) {
        return mode.isIntegralNumber() ? Integer.toOctalString(mode.asInt() & 07777) : mode.asText(null);
    }

    public static Planned createGroup(Volume volume, SubvolumeViews.Form form) {
        List<FieldError> errors = new ArrayList<>();
        String name = form == null ? null : form.name();
        checkName(name, errors);
        if (form != null) {
            checkModeAndPool(volume, form, errors);
            if (form.group() != null || form.size() != null) {
                errors.add(new FieldError(form.group() != null ? "group" : "size", "is for subvolumes"));
            }
        }
        InvalidInput.refuseIfAny(errors);
        if (volume.hasGroup(name)) {
            throw new Conflict("SubvolumeGroupExists", volume.fileSystem().name() + " already has a group '" + name + "'",
                    List.of(new FieldError("name", "is taken")));
        }
        return new Planned("Creating subvolume group '" + name + "' in " + volume.fileSystem().name(), List.of(SubvolumeChange.group(
                volume.fsid(), volume.fileSystem().name(), SubvolumeChange.Kind.CREATE_GROUP, name, form.mode(), form.dataPool())));
    }

    public static Planned deleteGroup(Volume volume, String group) {
        if (!volume.hasGroup(group)) {
            throw new NotFound("SubvolumeGroup", "no subvolume group '" + group + "' in " + volume.fileSystem().name());
        }
        List<String> held = Stream.concat(volume.of(group).stream().map(SubvolumeViews.Subvolume::name),
                volume.pending().stream().filter(named -> group.equals(named.group())).map(Named::name)).toList();
        if (!held.isEmpty()) {
            throw new Conflict("SubvolumeGroupNotEmpty", "group '" + group + "' holds subvolumes " + held + ": remove them first");
        }
        return new Planned("Removing subvolume group '" + group + "' from " + volume.fileSystem().name(), List.of(SubvolumeChange.group(
                volume.fsid(), volume.fileSystem().name(), SubvolumeChange.Kind.REMOVE_GROUP, group, null, null)));
    }

    public static Planned create(Volume volume, SubvolumeViews.Form form) {
        if (form == null) {
            throw InvalidInput.of("body", "give at least the subvolume's name");
        }
        List<FieldError> errors = new ArrayList<>();
        checkName(form.name(), errors);
        if (form.group() != null && !volume.hasGroup(form.group())) {
            errors.add(new FieldError("group", "no group '" + form.group() + "' in " + volume.fileSystem().name()));
        }
        if (form.size() != null && form.size() <= 0) {
            errors.add(new FieldError("size", "must be a positive number of bytes"));
        }
        checkModeAndPool(volume, form, errors);
        InvalidInput.refuseIfAny(errors);
        if (volume.has(form.name(), form.group())) {
            throw new Conflict("SubvolumeExists", "there already is a subvolume '" + form.name() + "'"
                    + (form.group() == null ? "" : " in group '" + form.group() + "'"), List.of(new FieldError("name", "is taken")));
        }
        return new Planned("Creating subvolume '" + form.name() + "' in " + volume.fileSystem().name(), List.of(new SubvolumeChange(
                volume.fsid(), volume.fileSystem().name(), SubvolumeChange.Kind.CREATE, form.group(), form.name(), null, form.size(),
                form.mode(), form.dataPool())));
    }

    public static Planned resize(Volume volume, SubvolumeViews.Subvolume subvolume, SubvolumeViews.Form form) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null || form.size() == null) {
            errors.add(new FieldError("size", "is needed: the quota in bytes, 0 for none"));
        } else if (form.size() < 0) {
            errors.add(new FieldError("size", "must be a number of bytes, 0 for no quota"));
        }
        if (form != null && (form.name() != null && !form.name().equals(subvolume.name()) || form.mode() != null || form.dataPool() != null)) {
            errors.add(new FieldError(form.name() != null ? "name" : form.mode() != null ? "mode" : "data_pool", "is set when a subvolume is created"));
        }
        InvalidInput.refuseIfAny(errors);
        Long current = subvolume.bytesQuota() == null ? 0L : subvolume.bytesQuota();
        if (form.size().equals(current)) {
            return new Planned("Resizing subvolume '" + subvolume.name() + "'", List.of());
        }
        return new Planned("Setting the quota of subvolume '" + subvolume.name() + "' to " + (form.size() == 0 ? "none" : form.size() + " bytes"),
                List.of(new SubvolumeChange(volume.fsid(), volume.fileSystem().name(), SubvolumeChange.Kind.RESIZE, subvolume.group(),
                        subvolume.name(), null, form.size(), null, null)));
    }

    /** Its snapshots first: the volumes module refuses to remove a subvolume that has any. */
    public static Planned delete(Volume volume, SubvolumeViews.Subvolume subvolume) {
        List<SubvolumeChange> changes = new ArrayList<>();
        subvolume.snapshots().forEach(snapshot -> changes.add(snapshotChange(volume, subvolume, SubvolumeChange.Kind.REMOVE_SNAPSHOT, snapshot)));
        changes.add(SubvolumeChange.of(volume.fsid(), volume.fileSystem().name(), SubvolumeChange.Kind.REMOVE, subvolume.group(), subvolume.name()));
        return new Planned("Removing subvolume '" + subvolume.name() + "' and its " + subvolume.snapshots().size() + " snapshots from "
                + volume.fileSystem().name(), changes);
    }

    public static Planned createSnapshot(Volume volume, SubvolumeViews.Subvolume subvolume, SubvolumeViews.Form form) {
        List<FieldError> errors = new ArrayList<>();
        String name = form == null ? null : form.name();
        checkName(name, errors);
        InvalidInput.refuseIfAny(errors);
        if (subvolume.snapshots().contains(name)) {
            throw new Conflict("SnapshotExists", "subvolume '" + subvolume.name() + "' already has a snapshot '" + name + "'",
                    List.of(new FieldError("name", "is taken")));
        }
        return new Planned("Taking snapshot '" + name + "' of subvolume '" + subvolume.name() + "'",
                List.of(snapshotChange(volume, subvolume, SubvolumeChange.Kind.CREATE_SNAPSHOT, name)));
    }

    public static Planned deleteSnapshot(Volume volume, SubvolumeViews.Subvolume subvolume, String snapshot) {
        if (!subvolume.snapshots().contains(snapshot)) {
            throw new NotFound("Snapshot", "subvolume '" + subvolume.name() + "' has no snapshot '" + snapshot
                    + "'; it has " + subvolume.snapshots());
        }
        return new Planned("Removing snapshot '" + snapshot + "' of subvolume '" + subvolume.name() + "'",
                List.of(snapshotChange(volume, subvolume, SubvolumeChange.Kind.REMOVE_SNAPSHOT, snapshot)));
    }

    /** A new subvolume of the snapshot's files: {@code name} and, optionally, its {@code group} and {@code data_pool}. */
    public static Planned clone(Volume volume, SubvolumeViews.Subvolume subvolume, String snapshot, SubvolumeViews.Form form) {
        if (!subvolume.snapshots().contains(snapshot)) {
            throw new NotFound("Snapshot", "subvolume '" + subvolume.name() + "' has no snapshot '" + snapshot
                    + "'; it has " + subvolume.snapshots());
        }
        List<FieldError> errors = new ArrayList<>();
        String name = form == null ? null : form.name();
        checkName(name, errors);
        if (form != null) {
            if (form.group() != null && !volume.hasGroup(form.group())) {
                errors.add(new FieldError("group", "no group '" + form.group() + "' in " + volume.fileSystem().name()));
            }
            if (form.size() != null || form.mode() != null) {
                errors.add(new FieldError(form.size() != null ? "size" : "mode", "a clone takes its source's"));
            }
            checkModeAndPool(volume, form, errors);
        }
        InvalidInput.refuseIfAny(errors);
        if (volume.has(name, form.group())) {
            throw new Conflict("SubvolumeExists", "there already is a subvolume '" + name + "'"
                    + (form.group() == null ? "" : " in group '" + form.group() + "'"), List.of(new FieldError("name", "is taken")));
        }
        return new Planned("Cloning snapshot '" + snapshot + "' of subvolume '" + subvolume.name() + "' as '" + name + "'",
                List.of(new SubvolumeClone(volume.fsid(), volume.fileSystem().name(), subvolume.group(), subvolume.name(), snapshot, name,
                        form.group(), form.dataPool())));
    }

    private static SubvolumeChange snapshotChange(Volume volume, SubvolumeViews.Subvolume subvolume, SubvolumeChange.Kind kind, String snapshot) {
        return new SubvolumeChange(volume.fsid(), volume.fileSystem().name(), kind, subvolume.group(), subvolume.name(), snapshot, null, null, null);
    }

    private static void checkName(String name, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is needed"));
        } else if (!NAME.matcher(name).matches() || name.startsWith("_") || name.equals(".") || name.equals("..") || !name.equals(name.strip())) {
            errors.add(new FieldError("name", "must be 1 to 255 characters, without '/' or control characters, not begin with '_'"
                    + " (the volumes module's own) nor begin or end with a space"));
        }
    }

    private static void checkModeAndPool(Volume volume, SubvolumeViews.Form form, List<FieldError> errors) {
        if (form.mode() != null && !MODE.matcher(form.mode()).matches()) {
            errors.add(new FieldError("mode", "must be octal, as 755"));
        }
        if (form.dataPool() != null && !volume.fileSystem().dataPools().contains(form.dataPool())) {
            errors.add(new FieldError("data_pool", "must be one of " + volume.fileSystem().name() + "'s data pools "
                    + volume.fileSystem().dataPools()));
        }
    }
}
