package io.loligo.cluster.request;

import io.loligo.contracts.command.RequestedChange;

import java.util.Collection;
import java.util.List;

/** What a user asked for, as a request's headline and the changes that make it so; none when it already is so. */
public record Planned(String headline, List<RequestedChange> changes) {
    public Planned {
        changes = List.copyOf(changes);
    }

    /** Changes of one kind, such as mon commands or librbd's. */
    public Planned(String headline, Collection<? extends RequestedChange> changes) {
        this(headline, List.<RequestedChange>copyOf(changes));
    }

    public boolean changesNothing() {
        return changes.isEmpty();
    }
}
