package io.loligo.cluster.request;

import io.loligo.contracts.command.ClusterChange;

import java.util.List;

/** What a user asked for, as a request's headline and the changes that make it so; none when it already is so. */
public record Planned(String headline, List<ClusterChange> changes) {
    public Planned {
        changes = List.copyOf(changes);
    }

    public boolean changesNothing() {
        return changes.isEmpty();
    }
}
