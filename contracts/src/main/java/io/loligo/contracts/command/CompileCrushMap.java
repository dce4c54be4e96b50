package io.loligo.contracts.command;

import java.util.Objects;

/**
 * Asks an agent whether CRUSH map text compiles, so that a map with a mistake is refused while its author waits,
 * with crushtool's own message, rather than failing later as a request.
 */
public record CompileCrushMap(String fsid, String text) implements AgentCommand {
    public CompileCrushMap {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "CompileCrushMap[fsid=" + fsid + ", " + text.length() + " chars]";
    }
}
