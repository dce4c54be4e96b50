package io.loligo.agent.ceph;

import java.nio.charset.StandardCharsets;

/**
 * A Ceph command's reply.
 *
 * @param output the command's data, usually JSON
 * @param status the human status line Ceph adds ("instructed osd(s) 0 to scrub", ...)
 */
public record CommandResult(byte[] output, String status) {
    public String outputText() {
        return new String(output, StandardCharsets.UTF_8);
    }
}
