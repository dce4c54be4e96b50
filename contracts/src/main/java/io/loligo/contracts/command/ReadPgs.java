package io.loligo.contracts.command;

import java.util.Objects;

/**
 * Asks for one page of a pool's PGs as {@code pg dump pgs_brief} describes them, or for one PG. The agent pages
 * the dump itself: a large pool has a hundred thousand PGs.
 *
 * @param pgid one PG only, or null for the page
 */
public record ReadPgs(String fsid, int pool, String pgid, int offset, int limit) implements AgentCommand {
    public ReadPgs {
        Objects.requireNonNull(fsid, "fsid");
        if (pool < 0 || offset < 0 || limit < 1) {
            throw new IllegalArgumentException("pool and offset must not be negative, and limit must be positive");
        }
    }
}
