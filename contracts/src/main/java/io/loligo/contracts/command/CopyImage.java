package io.loligo.contracts.command;

import java.util.List;
import java.util.Objects;

/**
 * A new image made from another: a clone of one of its protected snapshots, which shares the parent's data until it
 * is flattened, or a full copy of the image (or of a snapshot of it), which shares nothing.
 *
 * @param snapshot the snapshot cloned or copied; null copies the image as it is now
 */
public record CopyImage(String fsid, int pool, String image, String snapshot, int targetPool, String targetName,
                        Kind kind) implements RbdChange {
    public enum Kind { COPY, CLONE }

    public CopyImage {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.CLONE && snapshot == null) {
            throw new IllegalArgumentException("a clone is made of a snapshot");
        }
    }

    @Override
    public List<Integer> pools() {
        return pool == targetPool ? List.of(pool) : List.of(pool, targetPool);
    }

    @Override
    public String describe() {
        return "rbd " + (kind == Kind.CLONE ? "clone " : "cp ") + image + (snapshot == null ? "" : "@" + snapshot) + " (pool " + pool + ") "
                + targetName + " (pool " + targetPool + ")";
    }
}
