package io.loligo.agent.ceph;

/**
 * A Ceph command's reply.
 *
 * @param output the command's data, usually JSON
 * @param status the human status line Ceph adds ("instructed osd(s) 0 to scrub", ...)
 */
public record CommandResult(byte[] output, String status) {
}
