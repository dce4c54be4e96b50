package io.loligo.contracts.command;

import java.util.Objects;

/**
 * One change to an existing image or its snapshots.
 *
 * @param image the image's name; for {@link Kind#RESTORE} and {@link Kind#PURGE}, its id in the pool's trash
 * @param snapshot the snapshot a snapshot change is about, null otherwise
 * @param value the new size in bytes, the new name of the image or snapshot, or the name a restored image takes
 */
public record ImageChange(String fsid, int pool, String image, Kind kind, String snapshot, String value) implements RbdChange {
    public enum Kind {
        GROW("resize"), SHRINK("resize --allow-shrink"), RENAME("rename"), MOVE_TO_TRASH("trash mv"), RESTORE("trash restore"),
        PURGE("trash rm"), REMOVE("rm"), FLATTEN("flatten"), CREATE_SNAPSHOT("snap create"), REMOVE_SNAPSHOT("snap rm"),
        RENAME_SNAPSHOT("snap rename"), ROLLBACK("snap rollback"), PROTECT("snap protect"), UNPROTECT("snap unprotect");

        /** The {@code rbd} subcommand that does the same. */
        final String rbdCommand;

        Kind(String rbdCommand) {
            this.rbdCommand = rbdCommand;
        }

        public boolean aboutASnapshot() {
            return switch (this) {
                case CREATE_SNAPSHOT, REMOVE_SNAPSHOT, RENAME_SNAPSHOT, ROLLBACK, PROTECT, UNPROTECT -> true;
                default -> false;
            };
        }

        boolean takesAValue() {
            return switch (this) {
                case GROW, SHRINK, RENAME, RESTORE, RENAME_SNAPSHOT -> true;
                default -> false;
            };
        }
    }

    public ImageChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(kind, "kind");
        if (kind.aboutASnapshot() != (snapshot != null)) {
            throw new IllegalArgumentException(kind + (kind.aboutASnapshot() ? " needs a snapshot" : " takes no snapshot"));
        }
        if (kind.takesAValue() != (value != null)) {
            throw new IllegalArgumentException(kind + (kind.takesAValue() ? " needs a value" : " takes no value"));
        }
    }

    public static ImageChange of(String fsid, int pool, String image, Kind kind) {
        return new ImageChange(fsid, pool, image, kind, null, null);
    }

    public static ImageChange ofSnapshot(String fsid, int pool, String image, Kind kind, String snapshot) {
        return new ImageChange(fsid, pool, image, kind, snapshot, null);
    }

    @Override
    public String describe() {
        return "rbd " + kind.rbdCommand + " " + image + (snapshot == null ? "" : "@" + snapshot) + (value == null ? "" : " " + value)
                + " (pool " + pool + ")";
    }
}
