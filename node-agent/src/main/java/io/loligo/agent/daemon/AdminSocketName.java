package io.loligo.agent.daemon;

import java.util.Optional;
import java.util.Set;

/**
 * A daemon's identity as its admin socket file names it: {@code $cluster-$type.$id.asok}.
 * Client sockets ({@code ceph-client.admin.<pid>.<n>.asok}) are not daemons and are skipped.
 */
public record AdminSocketName(String cluster, String type, String id) {
    static final Set<String> DAEMON_TYPES = Set.of("mon", "mgr", "osd", "mds");
    private static final String SUFFIX = ".asok";

    public static Optional<AdminSocketName> parse(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        int dash = stem.indexOf('-');
        int dot = stem.indexOf('.', dash + 1);
        if (dash <= 0 || dot < 0 || dot == stem.length() - 1) {
            return Optional.empty();
        }
        String type = stem.substring(dash + 1, dot);
        if (!DAEMON_TYPES.contains(type)) {
            return Optional.empty();
        }
        return Optional.of(new AdminSocketName(stem.substring(0, dash), type, stem.substring(dot + 1)));
    }
}
