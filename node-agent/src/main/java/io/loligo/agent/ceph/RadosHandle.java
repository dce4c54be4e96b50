package io.loligo.agent.ceph;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.loligo.agent.ceph.Librados.SizeT;
import io.loligo.agent.ceph.Librados.SizeTByReference;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One librados cluster handle. librados handles are thread-safe: one serves the agent's polls and reads, another
 * its RBD reads. {@link #connected} reads the configuration and reaches the monitors; a handle that failed to is
 * closed, and the next attempt opens a new one.
 */
public final class RadosHandle implements AutoCloseable {
    private static final Librados RADOS = Librados.INSTANCE;

    private final Pointer cluster;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RadosHandle(Pointer cluster) {
        this.cluster = cluster;
    }

    public static RadosHandle open(RadosSettings settings) {
        PointerByReference ref = new PointerByReference();
        check("rados_create2", RADOS.rados_create2(ref, settings.clusterName(), "client." + settings.user(), 0));
        RadosHandle handle = new RadosHandle(ref.getValue());
        try {
            check("reading " + settings.confFile(), RADOS.rados_conf_read_file(handle.cluster, settings.confFile().toString()));
            settings.keyring().ifPresent(keyring -> handle.set("keyring", keyring.toString()));
            handle.set("client_mount_timeout", seconds(settings.connectTimeout()));
            handle.set("rados_mon_op_timeout", seconds(settings.operationTimeout()));
            handle.set("rados_osd_op_timeout", seconds(settings.operationTimeout()));
            return handle;
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /** A handle that has reached the monitors; closed again when it could not. */
    public static RadosHandle connected(RadosSettings settings) {
        RadosHandle handle = open(settings);
        try {
            handle.connect();
            return handle;
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    private void connect() {
        check("rados_connect", RADOS.rados_connect(cluster));
    }

    public String confGet(String option) {
        byte[] buf = new byte[4096];
        check("reading option " + option, RADOS.rados_conf_get(cluster, option, buf, new SizeT(buf.length)));
        return cString(buf);
    }

    public String fsid() {
        byte[] buf = new byte[64];
        int rc = RADOS.rados_cluster_fsid(cluster, buf, new SizeT(buf.length));
        if (rc < 0) {
            throw new RadosException("rados_cluster_fsid", rc, null);
        }
        return cString(buf);
    }

    /** Runs a command on the monitors, which also proxy every command the active mgr offers. */
    public CommandResult monCommand(String json) {
        return monCommand(json, (byte[]) null);
    }

    /** A mon command that takes data besides its arguments, as {@code osd setcrushmap} takes the compiled map. */
    public CommandResult monCommand(String json, byte[] input) {
        Reply reply = new Reply();
        int rc = RADOS.rados_mon_command(cluster, new String[]{json}, new SizeT(1), input, new SizeT(input == null ? 0 : input.length),
                reply.out, reply.outLen, reply.status, reply.statusLen);
        return reply.finish("mon command " + prefixOf(json), rc);
    }

    /** A command's answer, whether it succeeded or not. */
    public record Attempt(int returnCode, byte[] output, String status) {
    }

    /** Runs a command and answers what it did even when it failed, as the ceph CLI shows a failure. */
    public Attempt attemptMonCommand(String json) {
        Reply reply = new Reply();
        int rc = RADOS.rados_mon_command(cluster, new String[]{json}, new SizeT(1), null, new SizeT(0),
                reply.out, reply.outLen, reply.status, reply.statusLen);
        return reply.attempt(rc);
    }

    /** Runs a command on one monitor, by name: what {@code ceph tell mon.<name>} does, such as reading its running config. */
    public CommandResult monCommand(String monName, String json) {
        Reply reply = new Reply();
        int rc = RADOS.rados_mon_command_target(cluster, monName, new String[]{json}, new SizeT(1), null, new SizeT(0),
                reply.out, reply.outLen, reply.status, reply.statusLen);
        return reply.finish("command " + prefixOf(json) + " on mon." + monName, rc);
    }

    /**
     * Brings the OSD map of this client up to the monitors' latest. A client that sends only mon commands keeps the
     * map it had when it last sent an op: its ops would go to OSDs that have since restarted elsewhere, or miss a
     * pool made since, and wait for their timeout.
     */
    public void awaitLatestOsdMap() {
        check("rados_wait_for_latest_osdmap", RADOS.rados_wait_for_latest_osdmap(cluster));
    }

    /** An I/O context on one pool, for the libraries that work on a pool's objects (librbd). */
    public IoContext openPool(long poolId) {
        PointerByReference ref = new PointerByReference();
        int rc = RADOS.rados_ioctx_create2(cluster, poolId, ref);
        if (rc != 0) {
            throw new RadosException("opening pool " + poolId, rc, null);
        }
        return new IoContext(ref.getValue());
    }

    /** A pool's I/O context; closed before its handle. */
    public static final class IoContext implements AutoCloseable {
        private final Pointer pointer;

        private IoContext(Pointer pointer) {
            this.pointer = pointer;
        }

        public Pointer pointer() {
            return pointer;
        }

        @Override
        public void close() {
            RADOS.rados_ioctx_destroy(pointer);
        }
    }

    @Override
    public void close() {
        // rados_shutdown on a handle twice is a double free
        if (closed.compareAndSet(false, true)) {
            RADOS.rados_shutdown(cluster);
        }
    }

    private void set(String option, String value) {
        check("setting " + option, RADOS.rados_conf_set(cluster, option, value));
    }

    private static String seconds(Duration d) {
        return Long.toString(Math.max(1, d.toSeconds()));
    }

    private static void check(String operation, int rc) {
        if (rc != 0) {
            throw new RadosException(operation, rc, null);
        }
    }

    private static String cString(byte[] buf) {
        int end = 0;
        while (end < buf.length && buf[end] != 0) {
            end++;
        }
        return new String(buf, 0, end, StandardCharsets.UTF_8);
    }

    private static String prefixOf(String json) {
        int at = json.indexOf("\"prefix\"");
        if (at < 0) {
            return json;
        }
        int start = json.indexOf('"', json.indexOf(':', at) + 1);
        int end = json.indexOf('"', start + 1);
        return start < 0 || end < 0 ? json : "'" + json.substring(start + 1, end) + "'";
    }

    /** The out-parameters of one command call. Both reply buffers are freed whatever the outcome. */
    private static final class Reply {
        final PointerByReference out = new PointerByReference();
        final SizeTByReference outLen = new SizeTByReference();
        final PointerByReference status = new PointerByReference();
        final SizeTByReference statusLen = new SizeTByReference();

        CommandResult finish(String operation, int rc) {
            Attempt attempt = attempt(rc);
            if (rc != 0) {
                throw new RadosException(operation, rc, attempt.status());
            }
            return new CommandResult(attempt.output(), attempt.status());
        }

        Attempt attempt(int rc) {
            try {
                return new Attempt(rc, read(out.getValue(), outLen.value()),
                        new String(read(status.getValue(), statusLen.value()), StandardCharsets.UTF_8));
            } finally {
                free(out.getValue());
                free(status.getValue());
            }
        }

        private static byte[] read(Pointer p, long length) {
            return p == null || length == 0 ? new byte[0] : p.getByteArray(0, Math.toIntExact(length));
        }

        private static void free(Pointer p) {
            if (p != null) {
                RADOS.rados_buffer_free(p);
            }
        }
    }
}
