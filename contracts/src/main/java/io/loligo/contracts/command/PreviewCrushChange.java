package io.loligo.contracts.command;

import java.util.List;
import java.util.Objects;

/**
 * What a change to the CRUSH map would move, computed by the agent with Ceph's own {@code crushtool} on a copy of the
 * CRUSH map now: every pool's PGs mapped with the map as it is and as it would be. Reads only.
 *
 * @param changes the bucket and OSD changes, in order, as the change itself would make them; applied with crushtool's
 *                own {@code --move}, {@code --reweight-item}, {@code --update-item}, {@code --add-bucket} and
 *                {@code --remove-item}
 * @param crushMapText instead, a whole new map in {@code crushtool -d}'s form (a rule's steps changed, a map replaced)
 */
public record PreviewCrushChange(String fsid, List<CrushChange> changes, String crushMapText) implements AgentCommand {
    public PreviewCrushChange {
        Objects.requireNonNull(fsid, "fsid");
        changes = changes == null ? List.of() : List.copyOf(changes);
        if (changes.isEmpty() == (crushMapText == null)) {
            throw new IllegalArgumentException("either changes or a whole CRUSH map");
        }
        if (changes.stream().anyMatch(change -> change.kind() == CrushChange.Kind.UNLINK)) {
            throw new IllegalArgumentException("crushtool cannot unlink an item from one of its buckets");
        }
    }

    /** The text is long and says nothing in a log line; its size does. */
    @Override
    public String toString() {
        return "PreviewCrushChange[fsid=" + fsid + ", changes=" + changes + (crushMapText == null ? "" : ", " + crushMapText.length() + " chars")
                + "]";
    }
}
