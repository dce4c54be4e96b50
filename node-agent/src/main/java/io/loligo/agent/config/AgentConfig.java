package io.loligo.agent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The node-agent's settings, under {@code loligo.agent}. */
@ConfigMapping(prefix = "loligo.agent")
public interface AgentConfig {

    /**
     * The agent's identity on the bus, and the name of its command queue. Defaults to the host's fqdn
     * (see {@link NodeIdDefault}).
     */
    String nodeId();

    /** How often a heartbeat goes out. Receivers call a node late after three periods of silence. */
    @WithDefault("5s")
    Duration heartbeatPeriod();

    /**
     * How often the agent reads the cluster's map versions. A version that moves goes out at once in an extra
     * heartbeat, so changes reach cluster-service within this interval rather than within a heartbeat period.
     * Each read costs three small mon commands.
     */
    @WithDefault("500ms")
    Duration clusterPollInterval();

    /**
     * Where the host's /proc and /etc are. "/" on a host; in a container, the mount point of the host's root,
     * so that the agent reports the host and not its own image.
     */
    @WithDefault("/")
    Path hostRoot();

    /**
     * Where the agent keeps what must outlive it: its replies to the latest commands, so that a command the broker
     * delivers again after an agent restart is answered, not run twice. Unset, they are kept in memory only.
     */
    Optional<Path> stateDir();

    /**
     * How the agent logs in to the broker. {@code key}: as its node id, proving its key (see
     * {@code BrokerLogins}), which holds it to its own queues and routing keys once cluster-service answers the
     * broker's questions. {@code configured}: as {@code amqp-username}, for a broker without that backend.
     */
    @WithDefault("key")
    BrokerLogin brokerLogin();

    enum BrokerLogin { KEY, CONFIGURED }

    /** Ceph's OSD map tool, from the ceph-base package: it maps every PG on a copy of the map for a movement preview. */
    @WithDefault("osdmaptool")
    String osdmaptool();

    /** Ceph's CRUSH compiler, from the ceph-base package: a change to a CRUSH rule's steps needs it. */
    @WithDefault("crushtool")
    String crushtool();

    /**
     * Ceph's common library, which librados links to: its CRUSH builder and mapper place the few PGs an OSD's lower
     * weight can move, in process, where osdmaptool would map every PG twice. Debian's and Ubuntu's path by default;
     * where it does not load, osdmaptool maps them all.
     */
    @WithDefault(DEBIAN_CEPH_COMMON)
    String cephCommonLibrary();

    String DEBIAN_CEPH_COMMON = "/usr/lib/x86_64-linux-gnu/ceph/libceph-common.so.2";

    /**
     * Ceph's device inventory ({@code ceph-volume inventory}, from the ceph-osd package), which says whether a device
     * can take a new OSD; where it is missing or fails, the host's devices are read from lsblk alone.
     */
    @WithDefault("ceph-volume")
    String cephVolume();

    Ceph ceph();

    Services services();

    Osds osds();

    Metrics metrics();

    Logs logs();

    Cli cli();

    /** How the agent starts and stops its host's Ceph daemons. */
    interface Services {
        enum Manager {
            /** The units Ceph's packages install: {@code ceph-osd@1}, {@code ceph-mon@a} and so on. */
            SYSTEMD,
            /** {@link #command()}: the local lab's runner, or a site's own script. */
            COMMAND,
            /** Someone else runs them (Rook's operator on Kubernetes): the agent refuses to. */
            NONE
        }

        @WithDefault("systemd")
        Manager manager();

        /**
         * For {@link Manager#COMMAND}: run with an action ({@code start}, {@code stop}, {@code status}) and a daemon's
         * name ({@code osd.1}) as its last two arguments; {@code status} exits 0 while the daemon runs.
         */
        Optional<List<String>> command();

        /** How long a started or stopped daemon may take before Ceph shows it so. */
        @WithDefault("120s")
        Duration settleTimeout();
    }

    /** How the agent makes new OSDs on its host's devices and wipes the devices of those it removes. */
    interface Osds {
        enum Provisioner {
            /** {@code ceph-volume lvm create} and {@code ceph-volume lvm zap}, as Ceph's packages do it. */
            CEPH_VOLUME,
            /** {@link #command()}: the local lab's steps on its file-backed devices, or a site's own script. */
            COMMAND,
            /** Someone else makes OSDs (Rook's operator on Kubernetes): the agent refuses to. */
            NONE
        }

        @WithDefault("ceph-volume")
        Provisioner provisioner();

        /**
         * For {@link Provisioner#COMMAND}: run with {@code create DEVICE [OSD_ID]} (a new OSD on the device, made and
         * started; the destroyed id given taken again) or {@code zap OSD_ID} (the stopped OSD's data and its device's
         * label wiped) as its last arguments.
         */
        Optional<List<String>> command();

        /**
         * A directory whose regular files are the host's file-backed devices (the lab's spare disks), listed beside
         * lsblk's; none on production hosts.
         */
        Optional<Path> deviceFiles();

        /** Ceph's tool that reads an OSD's label off its device, from the ceph-osd package. */
        @WithDefault("ceph-bluestore-tool")
        String bluestoreTool();

        /** How long making one OSD may take, until Ceph shows it up and in. */
        @WithDefault("10m")
        Duration createTimeout();
    }

    /** What the CLI endpoint may run on this host's clusters, decided here rather than by whoever sends commands. */
    interface Cli {
        /**
         * The command prefixes that may run, each a whole Ceph command (as {@code get_command_descriptions} names
         * it). The default reads only, and leaves out what reads secrets ({@code auth}, {@code config-key}) and the
         * configuration, where modules keep credentials.
         */
        @WithDefault("status,health,df,versions,features,report,time-sync-status,quorum_status,log last,"
                + "mon stat,mon dump,mgr stat,mgr dump,mgr services,mgr module ls,fs ls,fs dump,mds stat,"
                + "osd stat,osd tree,osd df,osd dump,osd ls,osd perf,osd find,osd metadata,osd versions,osd blocked-by,"
                + "osd pool ls,osd pool get,osd pool stats,osd pool get-quota,osd pool autoscale-status,"
                + "osd crush dump,osd crush tree,osd crush ls,osd crush rule ls,osd crush rule dump,osd crush class ls,"
                + "osd crush show-tunables,osd erasure-code-profile ls,osd erasure-code-profile get,"
                + "pg stat,pg dump,pg ls,pg ls-by-pool,pg ls-by-osd,pg map,pg dump_stuck")
        List<String> allowed();
    }

    /** The host's log files that the API may list and read (Calamari's server log tail). */
    interface Logs {
        /** The directory paths are given relative to: Calamari's was {@code /var/log}, so that Ceph's are {@code ceph/...}. */
        @WithDefault("/var/log")
        Path directory();

        /**
         * The subdirectories of {@code directory} that are listed and read; nothing outside them is, so that an
         * operator reads Ceph's logs and not, say, the host's authentication log.
         */
        @WithDefault("ceph")
        List<String> include();
    }

    interface Metrics {
        /** How often the series are collected; points are timed on this grid. */
        @WithDefault("10s")
        Duration interval();

        /** Batches kept while the broker is away or refuses them; beyond this the oldest are given up, and logged. */
        @WithDefault("360")
        int maxWaitingBatches();

        /** Batches sent and not yet taken by the broker. */
        @WithDefault("8")
        int maxInFlight();

        /** How long a batch sent may go unsettled before it counts as not taken and is sent again. */
        @WithDefault("30s")
        Duration settleTimeout();

        /**
         * The perf counters read from each daemon's admin socket, as {@code section.counter}. Each counter is one
         * series per daemon, so the list is short: an OSD has several hundred counters.
         */
        @WithDefault("osd.op,osd.op_r,osd.op_w,osd.op_rw,osd.op_in_bytes,osd.op_out_bytes,"
                + "osd.op_latency,osd.op_r_latency,osd.op_w_latency,osd.op_rw_latency,osd.subop,osd.subop_w_latency,osd.recovery_ops,"
                + "bluestore.kv_flush_lat,bluestore.kv_commit_lat,bluestore.commit_lat,paxos.commit,paxos.commit_latency,mon.num_elections,"
                + "rgw.req,rgw.failed_req,rgw.get,rgw.get_b,rgw.put,rgw.put_b,rgw.get_initial_lat,rgw.put_initial_lat,"
                + "mds.request,mds.reply,mds.reply_latency,mds_server.handle_client_request,mds_sessions.session_count")
        List<String> perfCounters();
    }

    interface Ceph {
        /** The cluster's config file. Without it the agent still reports the host and its daemons. */
        @WithDefault("/etc/ceph/ceph.conf")
        Path conf();

        /** The client keyring; librados looks where ceph.conf says when unset. */
        Optional<Path> keyring();

        /** The cephx client id, without "client.". */
        @WithDefault("admin")
        String user();

        @WithDefault("ceph")
        String clusterName();

        /** Where the daemons' admin sockets are; read from ceph.conf's run_dir when unset. */
        Optional<Path> runDir();

        /** Bounds rados_connect (client_mount_timeout). */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Bounds each command (rados_mon_op_timeout, rados_osd_op_timeout). */
        @WithDefault("5s")
        Duration operationTimeout();

        /** Bounds each admin socket exchange. */
        @WithDefault("2s")
        Duration adminSocketTimeout();
    }
}
