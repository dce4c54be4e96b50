package io.loligo.agent.daemon;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A daemon's identity as its admin socket file names it: {@code $cluster-$type.$id.asok}.
 * Client sockets ({@code ceph-client.admin.<pid>.<n>.asok}) are not daemons and are skipped, except an RGW's: it is
 * a client to Ceph ({@code ceph-client.rgw.<id>.asok}, with {@code .<pid>.<n>} where its configuration gives every
 * client that form), and a daemon to its host.
 */
public record AdminSocketName(String cluster, String type, String id) {
    static final Set<String> DAEMON_TYPES = Set.of("mon", "mgr", "osd", "mds");
    private static final String SUFFIX = ".asok";
    private static final String RGW_CLIENT = "client.rgw.";
    private static final Pattern PROCESS_SUFFIX = Pattern.compile("\\.\\d+\\.\\d+$");

    public static Optional<AdminSocketName> parse(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        int dash = stem.indexOf('-');
        if (dash > 0 && stem.startsWith(RGW_CLIENT, dash + 1)) {
            String id = PROCESS_SUFFIX.matcher(stem.substring(dash + 1 + RGW_CLIENT.length())).replaceFirst("");
            return id.isEmpty() ? Optional.empty() : Optional.of(new AdminSocketName(stem.substring(0, dash), "rgw", id));
        }
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
