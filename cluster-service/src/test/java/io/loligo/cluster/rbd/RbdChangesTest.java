package io.loligo.cluster.rbd;

import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RbdForms;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.contracts.api.RbdTrashView;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.command.CopyImage;
import io.loligo.contracts.command.CreateImage;
import io.loligo.contracts.command.ImageChange;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RbdChangesTest {
    private static final String FSID = "f";
    private static final PoolView RBD = pool(3, "rbd", "replicated", List.of("rbd"));
    private static final PoolView EC = pool(4, "ec", "erasure", List.of("rbd"));
    private static final PoolView OTHER = pool(5, "objects", "replicated", List.of("rgw"));
    private static final RbdImageView.Snapshot BASE = new RbdImageView.Snapshot("base", 4, 1L << 30, true, "2026-12-06T10:00:00Z");
    private static final RbdImageView DISK = image("disk", 1L << 30, List.of(BASE), 0, null);
    private static final RbdImageView CLONE = image("clone", 1L << 30, List.of(),  1,
            new RbdImageView.Parent("rbd", "", "disk", "base", false));
    private static final RbdChanges.Pool POOL = new RbdChanges.Pool(FSID, RBD, List.of(RBD, EC, OTHER), Set.of(),
            List.of(DISK, CLONE), List.of(new RbdTrashView("7c1d", "old", "rbd", "user", "2026-12-06T10:00:00Z", "2026-12-06T10:00:00Z")));

    @Test
    void aNewImageIsOneCreationWithItsObjectSizeAsAnOrder() {
        Planned planned = RbdChanges.create(POOL, new RbdForms.Image("vm-1", 10L << 30, List.of("layering", "exclusive-lock"), 1L << 20, null, null));
        assertThat(planned.changes()).containsExactly(new CreateImage(FSID, 3, "vm-1", 10L << 30, List.of("layering", "exclusive-lock"), 20, null));
        assertThat(planned.headline()).isEqualTo("Creating image 'vm-1' in pool rbd");
    }

    @Test
    void everyBadFieldOfANewImageIsNamedInOneRefusal() {
        Refusal refused = catchThrowableOfType(() -> RbdChanges.create(POOL,
                new RbdForms.Image("a/b", -1L, List.of("fast-diff", "object-map"), 3000L, "ec", true)), Refusal.class);
        assertThat(RefusalMapper.problem(refused).status()).isEqualTo(400);
        assertThat(refused.errors()).extracting(Problem.FieldError::field)
                .containsExactly("name", "size", "features", "object_size", "data_pool", "allow_shrink");
        assertThat(refused.errors().get(2).message()).isEqualTo("'object-map' needs 'exclusive-lock'");
        assertThat(refused.errors().get(4).message()).contains("allow_ec_overwrites");
    }

    @Test
    void aTakenNameIsAConflictAndAPoolNotForRbdIsRefused() {
        assertThat(catchThrowableOfType(() -> RbdChanges.create(POOL, new RbdForms.Image("disk", 1L, null, null, null, null)),
                Refusal.class).reason()).isEqualTo("ImageExists");
        RbdChanges.Pool objects = new RbdChanges.Pool(FSID, OTHER, POOL.pools(), Set.of(), List.of(), List.of());
        assertThat(catchThrowableOfType(() -> RbdChanges.create(objects, new RbdForms.Image("x", 1L, null, null, null, null)),
                Refusal.class).errors()).extracting(Problem.FieldError::field).containsExactly("pool");
    }

    @Test
    void shrinkingNeedsToBeAllowedAndARenameComesAfterTheResize() {
        Refusal refused = catchThrowableOfType(() -> RbdChanges.update(POOL, DISK, new RbdForms.Image(null, 1L << 20, null, null, null, null)),
                Refusal.class);
        assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactly("size");
        Planned planned = RbdChanges.update(POOL, DISK, new RbdForms.Image("disk-2", 1L << 20, null, null, null, true));
        assertThat(planned.changes()).containsExactly(new ImageChange(FSID, 3, "disk", ImageChange.Kind.SHRINK, null, String.valueOf(1L << 20)),
                new ImageChange(FSID, 3, "disk", ImageChange.Kind.RENAME, null, "disk-2"));
        assertThat(RbdChanges.update(POOL, DISK, new RbdForms.Image("disk", 1L << 30, null, 4L << 20, null, null)).changesNothing()).isTrue();
    }

    @Test
    void aProtectedSnapshotWithClonesIsKeptAndAnUnprotectedOneIsNotCloned() {
        assertThat(catchThrowableOfType(() -> RbdChanges.updateSnapshot(POOL, DISK, "base", new RbdForms.Snapshot(null, false)),
                Refusal.class).reason()).isEqualTo("SnapshotHasClones");
        assertThat(catchThrowableOfType(() -> RbdChanges.deleteSnapshot(POOL, DISK, "base"), Refusal.class).reason())
                .isEqualTo("SnapshotProtected");
        assertThat(RefusalMapper.problem(catchThrowableOfType(() -> RbdChanges.deleteSnapshot(POOL, DISK, "none"), Refusal.class)).status())
                .isEqualTo(404);
        assertThat(RbdChanges.cloneSnapshot(POOL, DISK, "base", new RbdForms.Target(null, "vm-2"), POOL).changes())
                .containsExactly(new CopyImage(FSID, 3, "disk", "base", 3, "vm-2", CopyImage.Kind.CLONE));
        RbdImageView unprotected = image("plain", 1L, List.of(new RbdImageView.Snapshot("s", 1, 1L, false, null)), 0, null);
        assertThat(catchThrowableOfType(() -> RbdChanges.cloneSnapshot(POOL, unprotected, "s", new RbdForms.Target(null, "c"), POOL),
                Refusal.class).reason()).isEqualTo("SnapshotNotProtected");
    }

    @Test
    void aSnapshotTakenProtectedIsTwoChanges() {
        assertThat(RbdChanges.createSnapshot(POOL, CLONE, new RbdForms.Snapshot("gold", true)).changes()).containsExactly(
                ImageChange.ofSnapshot(FSID, 3, "clone", ImageChange.Kind.CREATE_SNAPSHOT, "gold"),
                ImageChange.ofSnapshot(FSID, 3, "clone", ImageChange.Kind.PROTECT, "gold"));
        assertThat(catchThrowableOfType(() -> RbdChanges.createSnapshot(POOL, DISK, new RbdForms.Snapshot("base", null)),
                Refusal.class).reason()).isEqualTo("SnapshotExists");
    }

    @Test
    void anImageInUseOrWithSnapshotsIsNotRemovedAndOnlyACloneIsFlattened() {
        assertThat(catchThrowableOfType(() -> RbdChanges.delete(POOL, CLONE), Refusal.class).reason()).isEqualTo("ImageInUse");
        assertThat(catchThrowableOfType(() -> RbdChanges.delete(POOL, DISK), Refusal.class).reason())
                .isEqualTo("ImageHasSnapshots");
        assertThat(catchThrowableOfType(() -> RbdChanges.flatten(POOL, DISK), Refusal.class).reason()).isEqualTo("NotAClone");
        assertThat(RbdChanges.flatten(POOL, CLONE).changes()).containsExactly(ImageChange.of(FSID, 3, "clone", ImageChange.Kind.FLATTEN));
    }

    @Test
    void aTrashedImageIsRestoredUnderAFreeNameAndPurgedOnceItsDeferralHasPassed() {
        assertThat(RbdChanges.restore(POOL, "7c1d", null).changes())
                .containsExactly(new ImageChange(FSID, 3, "7c1d", ImageChange.Kind.RESTORE, null, "old"));
        assertThat(catchThrowableOfType(() -> RbdChanges.restore(POOL, "7c1d", new RbdForms.Restore("disk")), Refusal.class).reason()).isEqualTo("ImageExists");
        assertThat(catchThrowableOfType(() -> RbdChanges.purge(POOL, "nope", Instant.now()), Refusal.class).reason())
                .isEqualTo("TrashEntryNotFound");
        assertThat(catchThrowableOfType(() -> RbdChanges.purge(POOL, "7c1d", Instant.parse("2026-12-06T09:00:00Z")), Refusal.class).reason()).isEqualTo("TrashDeferred");
    }

    @Test
    void aCopyGoesToAnRbdPoolByName() {
        assertThat(catchThrowableOfType(() -> RbdChanges.targetPool(POOL, new RbdForms.Target("nowhere", "x")), Refusal.class).errors()).extracting(Problem.FieldError::field).containsExactly("pool");
        assertThat(catchThrowableOfType(() -> RbdChanges.targetPool(POOL, new RbdForms.Target("objects", "x")), Refusal.class).errors()).extracting(Problem.FieldError::field).containsExactly("pool");
        assertThat(RbdChanges.targetPool(POOL, new RbdForms.Target(null, "x"))).isEqualTo(RBD);
        assertThat(catchThrowableOfType(() -> RbdChanges.copy(POOL, DISK, new RbdForms.Target(null, "clone"), POOL), Refusal.class).errors()).extracting(Problem.FieldError::field).containsExactly("name");
    }

    private static PoolView pool(int id, String name, String type, List<String> applications) {
        return new PoolView(id, name, 3, 2, 32, 32, 0, 0, true, false, 0, 0, type, null, applications, 32, 32, "on");
    }

    private static RbdImageView image(String name, long size, List<RbdImageView.Snapshot> snapshots, int watchers, RbdImageView.Parent parent) {
        return new RbdImageView(name, name + "-id", "rbd", size, 4L << 20, 22, List.of("layering"), null, parent, snapshots.size(), snapshots,
                watchers, size, 0L, "2026-12-06T10:00:00Z");
    }
}
