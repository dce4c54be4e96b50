package io.loligo.cluster.rbd;

import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.RbdForms;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.contracts.api.RbdTrashView;
import io.loligo.contracts.ceph.RbdFeatures;
import io.loligo.contracts.command.CopyImage;
import io.loligo.contracts.command.CreateImage;
import io.loligo.contracts.command.ImageChange;
import io.loligo.contracts.command.RbdChange;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns RBD forms into the changes that make them so, checked against the pool's images as the agent listed them
 * before anything reaches Ceph: each field that cannot be is named in one 400; a taken name, an image in use or a
 * protected snapshot is a 409. Pure.
 */
public final class RbdChanges {
    static final long MIN_OBJECT_SIZE = 4096;
    static final long MAX_OBJECT_SIZE = 32L << 20;
    /** Longer names are refused by librbd's object names (and make no sense to a reader). */
    static final int MAX_NAME_LENGTH = 250;

    private RbdChanges() {
    }

    /**
     * A pool as the forms are checked against it.
     *
     * @param pools every pool of the cluster, for copies' targets and data pools
     * @param overwritablePools the erasure-coded pools that allow overwrites, which alone can hold an image's data
     */
    public record Pool(String fsid, PoolView pool, List<PoolView> pools, Set<String> overwritablePools, List<RbdImageView> images,
                       List<RbdTrashView> trash) {
        public RbdImageView image(String name) {
            return images.stream().filter(image -> image.name().equals(name)).findFirst().orElseThrow(() -> new NotFound("Image", "no image '" + name + "' in pool " + pool.name()));
        }

        RbdTrashView trashed(String id) {
            return trash.stream().filter(entry -> entry.id().equals(id)).findFirst().orElseThrow(() -> new NotFound("TrashEntry", "no image with id '" + id + "' in the trash of pool " + pool.name()));
        }

        Optional<PoolView> named(String name) {
            return pools.stream().filter(candidate -> candidate.name().equals(name)).findFirst();
        }
    }

    public static Planned create(Pool pool, RbdForms.Image form) {
        if (form == null) {
            throw InvalidInput.of("body", "give at least name and size");
        }
        List<FieldError> errors = new ArrayList<>();
        requireRbdPool(pool.pool(), "pool", errors);
        checkName("name", form.name(), errors);
        if (form.size() == null) {
            errors.add(new FieldError("size", "is needed"));
        } else {
            checkSize(form.size(), errors);
        }
        if (form.features() != null) {
            RbdFeatures.problem(form.features()).ifPresent(problem -> errors.add(new FieldError("features", problem)));
        }
        Integer order = null;
        if (form.objectSize() != null) {
            long objectSize = form.objectSize();
            if (objectSize < MIN_OBJECT_SIZE || objectSize > MAX_OBJECT_SIZE || Long.bitCount(objectSize) != 1) {
                errors.add(new FieldError("object_size", "must be a power of two from 4 KiB (4096) to 32 MiB (33554432)"));
            } else {
                order = Long.numberOfTrailingZeros(objectSize);
            }
        }
        if (form.dataPool() != null) {
            Optional<PoolView> dataPool = pool.named(form.dataPool());
            if (dataPool.isEmpty()) {
                errors.add(new FieldError("data_pool", "no pool '" + form.dataPool() + "'"));
            } else if ("erasure".equals(dataPool.get().type()) && !pool.overwritablePools().contains(form.dataPool())) {
                errors.add(new FieldError("data_pool", "erasure-coded pool '" + form.dataPool()
                        + "' does not allow overwrites (ceph osd pool set " + form.dataPool() + " allow_ec_overwrites true)"));
            }
        }
        if (form.allowShrink() != null) {
            errors.add(new FieldError("allow_shrink", "is for resizing an image"));
        }
        InvalidInput.refuseIfAny(errors);
        requireFreeName(pool, form.name(), "name");
        return new Planned("Creating image '" + form.name() + "' in pool " + pool.pool().name(), List.of(new CreateImage(pool.fsid(),
                pool.pool().id(), form.name(), form.size(), form.features(), order, form.dataPool())));
    }

    public static Planned update(Pool pool, RbdImageView image, RbdForms.Image form) {
        if (form == null) {
            throw InvalidInput.of("body", "give the fields to change: name, size");
        }
        List<FieldError> errors = new ArrayList<>();
        if (form.features() != null) {
            errors.add(new FieldError("features", "are chosen when an image is created"));
        }
        if (form.objectSize() != null && form.objectSize() != image.objectSize()) {
            errors.add(new FieldError("object_size", "is chosen when an image is created"));
        }
        if (form.dataPool() != null && !form.dataPool().equals(image.dataPool())) {
            errors.add(new FieldError("data_pool", "is chosen when an image is created"));
        }
        if (form.name() != null) {
            checkName("name", form.name(), errors);
        }
        boolean shrinks = false;
        if (form.size() != null) {
            checkSize(form.size(), errors);
            shrinks = form.size() < image.size();
            if (shrinks && !Boolean.TRUE.equals(form.allowShrink())) {
                errors.add(new FieldError("size", "is smaller than the image (" + image.size() + " bytes): what lies beyond it would be"
                        + " lost; set allow_shrink to do it all the same"));
            }
        }
        InvalidInput.refuseIfAny(errors);
        List<RbdChange> changes = new ArrayList<>();
        String name = image.name();
        if (form.size() != null && form.size() != image.size()) {
            changes.add(new ImageChange(pool.fsid(), pool.pool().id(), name, shrinks ? ImageChange.Kind.SHRINK : ImageChange.Kind.GROW,
                    null, String.valueOf(form.size())));
        }
        if (form.name() != null && !form.name().equals(name)) {
            requireFreeName(pool, form.name(), "name");
            changes.add(new ImageChange(pool.fsid(), pool.pool().id(), name, ImageChange.Kind.RENAME, null, form.name()));
        }
        return new Planned("Changing image '" + name + "' in pool " + pool.pool().name(), changes);
    }

    public static Planned delete(Pool pool, RbdImageView image) {
        requireUnused(image, "removed");
        if (image.snapshotCount() > 0) {
            throw new Conflict("ImageHasSnapshots", "image '" + image.name() + "' has " + image.snapshotCount()
                    + " snapshots: remove them first (a protected one after unprotecting it)");
        }
        return one("Removing image '" + image.name() + "' from pool " + pool.pool().name(),
                ImageChange.of(pool.fsid(), pool.pool().id(), image.name(), ImageChange.Kind.REMOVE));
    }

    public static Planned flatten(Pool pool, RbdImageView image) {
        if (image.parent() == null) {
            throw new Conflict("NotAClone", "image '" + image.name() + "' has no parent to copy its data from");
        }
        return one("Flattening image '" + image.name() + "' in pool " + pool.pool().name(),
                ImageChange.of(pool.fsid(), pool.pool().id(), image.name(), ImageChange.Kind.FLATTEN));
    }

    public static Planned moveToTrash(Pool pool, RbdImageView image) {
        requireUnused(image, "moved to the trash");
        return one("Moving image '" + image.name() + "' of pool " + pool.pool().name() + " to the trash",
                ImageChange.of(pool.fsid(), pool.pool().id(), image.name(), ImageChange.Kind.MOVE_TO_TRASH));
    }

    public static Planned restore(Pool pool, String id, RbdForms.Restore form) {
        RbdTrashView entry = pool.trashed(id);
        String name = form == null || form.name() == null ? entry.name() : form.name();
        List<FieldError> errors = new ArrayList<>();
        checkName("name", name, errors);
        InvalidInput.refuseIfAny(errors);
        requireFreeName(pool, name, "name");
        return one("Restoring image '" + name + "' of pool " + pool.pool().name() + " from the trash",
                new ImageChange(pool.fsid(), pool.pool().id(), id, ImageChange.Kind.RESTORE, null, name));
    }

    public static Planned purge(Pool pool, String id, Instant now) {
        RbdTrashView entry = pool.trashed(id);
        if (Instant.parse(entry.deferredUntil()).isAfter(now)) {
            throw new Conflict("TrashDeferred", "image '" + entry.name() + "' stays in the trash until " + entry.deferredUntil());
        }
        return one("Purging image '" + entry.name() + "' from the trash of pool " + pool.pool().name(),
                ImageChange.of(pool.fsid(), pool.pool().id(), id, ImageChange.Kind.PURGE));
    }

    public static Planned createSnapshot(Pool pool, RbdImageView image, RbdForms.Snapshot form) {
        if (form == null) {
            throw InvalidInput.of("body", "give the snapshot's name");
        }
        List<FieldError> errors = new ArrayList<>();
        checkName("name", form.name(), errors);
        InvalidInput.refuseIfAny(errors);
        if (snapshot(image, form.name()).isPresent()) {
            throw new Conflict("SnapshotExists", "image '" + image.name() + "' already has a snapshot '" + form.name() + "'",
                    List.of(new FieldError("name", "is taken")));
        }
        List<RbdChange> changes = new ArrayList<>();
        changes.add(ImageChange.ofSnapshot(pool.fsid(), pool.pool().id(), image.name(), ImageChange.Kind.CREATE_SNAPSHOT, form.name()));
        if (Boolean.TRUE.equals(form.isProtected())) {
            changes.add(ImageChange.ofSnapshot(pool.fsid(), pool.pool().id(), image.name(), ImageChange.Kind.PROTECT, form.name()));
        }
        return new Planned("Taking snapshot '" + image.name() + "@" + form.name() + "' in pool " + pool.pool().name(), changes);
    }

    public static Planned updateSnapshot(Pool pool, RbdImageView image, String name, RbdForms.Snapshot form) {
        RbdImageView.Snapshot snapshot = requireSnapshot(image, name);
        if (form == null) {
            throw InvalidInput.of("body", "give the fields to change: name, protected");
        }
        List<FieldError> errors = new ArrayList<>();
        if (form.name() != null) {
            checkName("name", form.name(), errors);
        }
        InvalidInput.refuseIfAny(errors);
        List<RbdChange> changes = new ArrayList<>();
        if (form.isProtected() != null && form.isProtected() != snapshot.isProtected()) {
            if (!form.isProtected()) {
                requireNoClones(pool, image, name);
            }
            changes.add(ImageChange.ofSnapshot(pool.fsid(), pool.pool().id(), image.name(),
                    form.isProtected() ? ImageChange.Kind.PROTECT : ImageChange.Kind.UNPROTECT, name));
        }
        if (form.name() != null && !form.name().equals(name)) {
            if (snapshot(image, form.name()).isPresent()) {
                throw new Conflict("SnapshotExists", "image '" + image.name() + "' already has a snapshot '" + form.name() + "'",
                        List.of(new FieldError("name", "is taken")));
            }
            changes.add(new ImageChange(pool.fsid(), pool.pool().id(), image.name(), ImageChange.Kind.RENAME_SNAPSHOT, name, form.name()));
        }
        return new Planned("Changing snapshot '" + image.name() + "@" + name + "' in pool " + pool.pool().name(), changes);
    }

    public static Planned deleteSnapshot(Pool pool, RbdImageView image, String name) {
        if (requireSnapshot(image, name).isProtected()) {
            throw new Conflict("SnapshotProtected", "snapshot '" + image.name() + "@" + name
                    + "' is protected: unprotect it first (which needs its clones flattened or removed)");
        }
        return one("Removing snapshot '" + image.name() + "@" + name + "' from pool " + pool.pool().name(),
                ImageChange.ofSnapshot(pool.fsid(), pool.pool().id(), image.name(), ImageChange.Kind.REMOVE_SNAPSHOT, name));
    }

    public static Planned rollback(Pool pool, RbdImageView image, String name) {
        requireSnapshot(image, name);
        requireUnused(image, "rolled back");
        return one("Rolling image '" + image.name() + "' in pool " + pool.pool().name() + " back to snapshot '" + name + "'",
                ImageChange.ofSnapshot(pool.fsid(), pool.pool().id(), image.name(), ImageChange.Kind.ROLLBACK, name));
    }

    /**
     * @param target the target pool's images, for a name taken there; {@code pool} itself when it is the target
     */
    public static Planned cloneSnapshot(Pool pool, RbdImageView image, String name, RbdForms.Target form, Pool target) {
        if (!requireSnapshot(image, name).isProtected()) {
            throw new Conflict("SnapshotNotProtected", "snapshot '" + image.name() + "@" + name
                    + "' is not protected: protect it before cloning, so that it cannot be removed under its clones");
        }
        String targetName = checkTarget(form, target);
        return one("Cloning '" + image.name() + "@" + name + "' of pool " + pool.pool().name() + " to '" + targetName + "' in pool "
                + target.pool().name(), new CopyImage(pool.fsid(), pool.pool().id(), image.name(), name, target.pool().id(), targetName, CopyImage.Kind.CLONE));
    }

    public static Planned copy(Pool pool, RbdImageView image, RbdForms.Target form, Pool target) {
        String targetName = checkTarget(form, target);
        return one("Copying image '" + image.name() + "' of pool " + pool.pool().name() + " to '" + targetName + "' in pool "
                + target.pool().name(), new CopyImage(pool.fsid(), pool.pool().id(), image.name(), null, target.pool().id(), targetName, CopyImage.Kind.COPY));
    }

    /** The pool a form's target names, or {@code pool} when it names none: checked before the target's images are read. */
    public static PoolView targetPool(Pool pool, RbdForms.Target form) {
        if (form == null || form.pool() == null || form.pool().equals(pool.pool().name())) {
            return pool.pool();
        }
        PoolView target = pool.named(form.pool()).orElseThrow(() -> InvalidInput.of("pool",
                "no pool '" + form.pool() + "'"));
        List<FieldError> errors = new ArrayList<>();
        requireRbdPool(target, "pool", errors);
        InvalidInput.refuseIfAny(errors);
        return target;
    }

    private static String checkTarget(RbdForms.Target form, Pool target) {
        List<FieldError> errors = new ArrayList<>();
        String name = form == null ? null : form.name();
        checkName("name", name, errors);
        InvalidInput.refuseIfAny(errors);
        requireFreeName(target, name, "name");
        return name;
    }

    private static Planned one(String headline, RbdChange change) {
        return new Planned(headline, List.of(change));
    }

    private static void requireRbdPool(PoolView pool, String field, List<FieldError> errors) {
        if (pool.application() == null || !pool.application().contains("rbd")) {
            errors.add(new FieldError(field, "pool '" + pool.name() + "' is not for RBD images (ceph osd pool application enable "
                    + pool.name() + " rbd)"));
        }
    }

    private static void checkName(String field, String name, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError(field, "is needed"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_NAME_LENGTH + " characters"));
        } else if (name.contains("/") || name.contains("@") || !name.equals(name.strip())
                || name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain '/', '@' or control characters, nor begin or end with a space"));
        }
    }

    private static void checkSize(long size, List<FieldError> errors) {
        if (size <= 0) {
            errors.add(new FieldError("size", "must be a positive number of bytes"));
        }
    }

    private static void requireFreeName(Pool pool, String name, String field) {
        if (pool.images().stream().anyMatch(image -> image.name().equals(name))) {
            throw new Conflict("ImageExists", "pool " + pool.pool().name() + " already has an image '" + name + "'",
                    List.of(new FieldError(field, "is taken")));
        }
    }

    private static void requireUnused(RbdImageView image, String what) {
        if (image.watchers() > 0) {
            throw new Conflict("ImageInUse", "image '" + image.name() + "' is open by " + image.watchers()
                    + " client(s) (a mapped device, a running VM): it cannot be " + what + " under them");
        }
    }

    private static void requireNoClones(Pool pool, RbdImageView image, String name) {
        List<String> clones = pool.images().stream().filter(candidate -> candidate.parent() != null
                        && candidate.parent().pool().equals(pool.pool().name()) && candidate.parent().image().equals(image.name())
                        && candidate.parent().snapshot().equals(name))
                .map(RbdImageView::name).toList();
        if (!clones.isEmpty()) {
            throw new Conflict("SnapshotHasClones", "snapshot '" + image.name() + "@" + name + "' has clones " + clones
                    + ": flatten or remove them before unprotecting it");
        }
    }

    private static Optional<RbdImageView.Snapshot> snapshot(RbdImageView image, String name) {
        return image.snapshots().stream().filter(snapshot -> snapshot.name().equals(name)).findFirst();
    }

    private static RbdImageView.Snapshot requireSnapshot(RbdImageView image, String name) {
        return snapshot(image, name).orElseThrow(() -> new NotFound("Snapshot", "image '" + image.name()
                + "' has no snapshot '" + name + "'; it has " + image.snapshots().stream().map(RbdImageView.Snapshot::name).toList()));
    }
}
