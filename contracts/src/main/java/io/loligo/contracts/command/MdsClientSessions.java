package io.loligo.contracts.command;

import java.util.Objects;

/**
 * Asks the agent on an MDS's host for the MDS's client sessions through its admin socket ({@code session ls}), after
 * evicting one client first when {@code evict} is given ({@code client evict id=N}): only the MDS knows its clients,
 * and only its own host reaches its socket.
 *
 * @param mds the MDS's name, as {@code a} in {@code mds.a}
 * @param evict a client's id to evict first, or null
 */
public record MdsClientSessions(String fsid, String mds, Long evict) implements AgentCommand {
    public MdsClientSessions {
        Objects.requireNonNull(mds, "mds");
    }
}
