package io.loligo.cluster.fs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.CephFixtures;
import io.loligo.contracts.api.FileSystemView;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.SubvolumeViews;
import io.loligo.contracts.command.SubvolumeChange;
import io.loligo.contracts.command.SubvolumeClone;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** On what the volumes module of Ceph 16.2.15 answered for a group, a subvolume in it with a quota, and one without. */
class SubvolumesTest {
    private static final FileSystemView CEPHFS = new FileSystemView(1, "cephfs", true, 1, 0, "cephfs.cephfs.meta",
            List.of("cephfs.cephfs.data"), List.of(), List.of());
    private static final Subvolumes.Volume VOLUME = Subvolumes.of("f", CEPHFS, CephFixtures.json("subvolumes.json"));

    @Test
    void subvolumesAreReadWithTheirQuotaModeAndSnapshots() {
        assertThat(VOLUME.groups()).containsExactly(new SubvolumeViews.Group("rec-group"));
        SubvolumeViews.Subvolume quoted = VOLUME.subvolume("rec-sub", "rec-group");
        assertThat(quoted.bytesQuota()).isEqualTo(1L << 30);
        assertThat(quoted.mode()).as("st_mode 16877").isEqualTo("755");
        assertThat(quoted.path()).startsWith("/volumes/rec-group/rec-sub/");
        assertThat(quoted.snapshots()).containsExactly("first");
        SubvolumeViews.Subvolume plain = VOLUME.subvolume("rec-plain", null);
        assertThat(plain.bytesQuota()).as("\"infinite\"").isNull();
        assertThat(plain.group()).isNull();
        assertThat(catchThrowableOfType(() -> VOLUME.subvolume("rec-sub", null), Refusal.class).reason())
                .isEqualTo("SubvolumeNotFound");
    }

    @Test
    void everyBadFieldOfANewSubvolumeIsNamedAndATakenNameIsAConflict() {
        Refusal refused = catchThrowableOfType(() -> Subvolumes.create(VOLUME, new SubvolumeViews.Form("a/b", "nope", -1L, "999", "other")),
                Refusal.class);
        assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactly("name", "group", "size", "mode", "data_pool");
        assertThat(catchThrowableOfType(() -> Subvolumes.create(VOLUME, new SubvolumeViews.Form("rec-sub", "rec-group", null, null, null)),
                Refusal.class).reason()).isEqualTo("SubvolumeExists");
        assertThat(Subvolumes.create(VOLUME, new SubvolumeViews.Form("rec-sub", null, 1024L, "750", "cephfs.cephfs.data")).changes())
                .containsExactly(new SubvolumeChange("f", "cephfs", SubvolumeChange.Kind.CREATE, null, "rec-sub", null, 1024L, "750",
                        "cephfs.cephfs.data"));
    }

    @Test
    void aSubvolumeGoesWithItsSnapshotsAndAGroupOnlyOnceEmpty() {
        assertThat(Subvolumes.delete(VOLUME, VOLUME.subvolume("rec-sub", "rec-group")).changes()).extracting(change -> ((SubvolumeChange) change).kind())
                .containsExactly(SubvolumeChange.Kind.REMOVE_SNAPSHOT, SubvolumeChange.Kind.REMOVE);
        assertThat(catchThrowableOfType(() -> Subvolumes.deleteGroup(VOLUME, "rec-group"), Refusal.class).reason())
                .isEqualTo("SubvolumeGroupNotEmpty");
    }

    @Test
    void aQuotaIsSetLiftedOrLeftAsItIs() {
        SubvolumeViews.Subvolume quoted = VOLUME.subvolume("rec-sub", "rec-group");
        assertThat(Subvolumes.resize(VOLUME, quoted, new SubvolumeViews.Form(null, null, 1L << 30, null, null)).changesNothing()).isTrue();
        SubvolumeChange lifted = (SubvolumeChange) Subvolumes.resize(VOLUME, quoted, new SubvolumeViews.Form(null, null, 0L, null, null)).changes().get(0);
        assertThat(lifted.monCommand()).contains("\"new_size\":\"inf\"").contains("\"group_name\":\"rec-group\"");
        assertThat(catchThrowableOfType(() -> Subvolumes.resize(VOLUME, quoted, new SubvolumeViews.Form(null, null, -1L, null, null)),
                Refusal.class).errors()).extracting(Problem.FieldError::field).containsExactly("size");
    }

    @Test
    void aSnapshotIsClonedUnderAFreeNameAndEveryBadFieldIsNamed() {
        SubvolumeViews.Subvolume source = VOLUME.subvolume("rec-sub", "rec-group");
        assertThat(catchThrowableOfType(() -> Subvolumes.clone(VOLUME, source, "none", new SubvolumeViews.Form("copy", null, null, null, null)),
                Refusal.class).reason()).isEqualTo("SnapshotNotFound");
        Refusal refused = catchThrowableOfType(() -> Subvolumes.clone(VOLUME, source, "first",
                new SubvolumeViews.Form("a/b", "nope", 5L, null, "other")), Refusal.class);
        assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactly("name", "group", "size", "data_pool");
        assertThat(catchThrowableOfType(() -> Subvolumes.clone(VOLUME, source, "first", new SubvolumeViews.Form("rec-plain", null, null, null, null)),
                Refusal.class).errors()).extracting(Problem.FieldError::field).containsExactly("name");
        assertThat(Subvolumes.clone(VOLUME, source, "first", new SubvolumeViews.Form("copy", null, null, null, null)).changes())
                .containsExactly(new SubvolumeClone("f", "cephfs", "rec-group", "rec-sub", "first", "copy", null, null));
    }

    @Test
    void aSubvolumeListedButNotYetDescribedIsNeitherUnknownNorFree() {
        ObjectNode read = CephFixtures.json("subvolumes.json").deepCopy();
        read.putArray("pending").addObject().put("name", "being-read").putNull("group");
        Subvolumes.Volume volume = Subvolumes.of("f", CEPHFS, read);
        assertThat(catchThrowableOfType(() -> volume.subvolume("being-read", null), Refusal.class).reason())
                .isEqualTo("SubvolumeBeingRead");
        assertThat(catchThrowableOfType(() -> Subvolumes.create(volume, new SubvolumeViews.Form("being-read", null, null, null, null)),
                Refusal.class).reason()).isEqualTo("SubvolumeExists");
    }
}
