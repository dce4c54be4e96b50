package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.command.ClusterChange;
import io.loligo.contracts.command.ReadPgs;
import io.loligo.contracts.ceph.SecretOptions;
import io.loligo.contracts.command.RunCli;
import io.loligo.contracts.command.SafetyCheck;
import io.loligo.contracts.command.SubvolumeClone;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.OsdMapContent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads cluster maps and their versions, and the figures read live, through librados. Every mon command the agent
 * sends to read the cluster is written here, and so is the definition of each map's version: heartbeats and fetches
 * must agree on it.
 */
public final class ClusterMapReader {
    private final MonCommands commands;
    private final ObjectMapper mapper;

    public ClusterMapReader(MonCommands commands, ObjectMapper mapper) {
        this.commands = commands;
        this.mapper = mapper;
    }

    /**
     * The current version of every map, from four small commands; the monitors alone answer all but the PG summary's,
     * whose version is left out while the mgr cannot say it: nothing is fetched for it then.
     */
    public Map<ClusterMap, Long> versions() {
        JsonNode status = mon("status");
        commands.observeStatus(status);
        Map<ClusterMap, Long> versions = MapVersions.of(status, healthDetail(), configLog());
        try {
            versions.put(ClusterMap.PG_SUMMARY, MapVersions.pgSummary(mon("pg stat"), versions.get(ClusterMap.OSD_MAP)));
        } catch (MgrUnavailableException away) {
            // the PG states the mons still show are the mgr's last word, no news
        }
        return versions;
    }

    public JsonNode status() {
        return mon("status");
    }

    /** A map's content with the version it has. */
    public Versioned read(ClusterMap map) {
        return switch (map) {
            case OSD_MAP -> {
                byte[] dump = monOutput("osd dump", null);
                Map<String, byte[]> parts = new LinkedHashMap<>();
                parts.put("osd_dump", dump);
                parts.put("osd_tree", monOutput("osd tree", null));
                // one call for every OSD's metadata, where Calamari made one per OSD per epoch
                parts.put("osd_metadata", RawJson.keepFields(monOutput("osd metadata", null), OsdMapContent.METADATA_FIELDS));
                // CRUSH changes move the OSD map epoch too, so the map travels with it
                parts.put("crush_dump", monOutput("osd crush dump", null));
                long epoch = RawJson.topLevelLong(dump, "epoch")
                        .orElseThrow(() -> new UncheckedIOException(new IOException("'osd dump' has no epoch")));
                yield new Versioned(epoch, RawJson.object(parts));
            }
            case MON_MAP -> epoch(mon("mon dump"), "epoch");
            case MON_STATUS -> epoch(mon("quorum_status"), "election_epoch");
            case FS_MAP -> epoch(mon("fs dump"), "epoch");
            case HEALTH -> {
                JsonNode health = healthDetail();
                yield new Versioned(MapVersions.health(health), health);
            }
            case CONFIG -> {
                // the version first, as for the PG summary
                JsonNode quorum = mon("quorum_status");
                long version = MapVersions.config(configLog(), quorum.path("election_epoch").asLong());
                // secrets never leave the host (SecretOptions)
                yield new Versioned(version, SecretOptions.redacted(tellMon(quorum.path("quorum_leader_name").asText(), "config show")));
            }
            case PG_SUMMARY -> {
                // the version first: a change between the two reads then shows up as a newer version next time
                long version = MapVersions.pgSummary(mon("pg stat"), mon("status").path("osdmap").path("epoch").asLong());
                yield new Versioned(version, PgSummary.reduce(pgsBrief()));
            }
        };
    }

    /** One page of a pool's PGs, or one PG, from {@code pg ls}, which lists the pool's PGs with their scrub stamps. */
    public JsonNode pgs(ReadPgs read) {
        return PgsBrief.page(monOutput("pg ls", "\"pool\":" + read.pool()), read.pool(), read.pgid(), read.offset(), read.limit());
    }

    private byte[] pgsBrief() {
        return monOutput("pg dump", "\"dumpcontents\":[\"pgs_brief\"]");
    }

    /** What a cluster's series are read from: five small commands. */
    public MetricReadings metricReadings() {
        return new MetricReadings(mon("status"), mon("osd pool stats"), usage(), mon("osd perf"), mon("osd df"));
    }

    public record MetricReadings(JsonNode status, JsonNode poolStats, JsonNode dfDetail, JsonNode osdPerf, JsonNode osdDf) {
    }

    /** Space, overall and by pool: {@code df detail}. */
    public JsonNode usage() {
        return mon("df", "\"detail\":\"detail\"");
    }

    /**
     * {@code df detail}, with each pool's PG counts beside its {@code stats} as {@code stat_sum} (from
     * {@code pg dump pools}): clones, copies, degraded, misplaced and unfound objects, which {@code df} leaves out.
     */
    public JsonNode usageWithPoolCounts() {
        JsonNode df = usage();
        Map<Integer, JsonNode> sums = new HashMap<>();
        try {
            for (JsonNode pool : mon("pg dump", "\"dumpcontents\":[\"pools\"]").path("pool_stats")) {
                sums.put(pool.path("poolid").asInt(), pool.path("stat_sum"));
            }
        } catch (MgrUnavailableException | RadosException countsAway) {
            // df's own figures still answer
            return df;
        }
        for (JsonNode pool : df.path("pools")) {
            JsonNode sum = sums.get(pool.path("id").asInt());
            if (sum != null && pool instanceof ObjectNode object) {
                object.set("stat_sum", sum);
            }
        }
        return df;
    }

    /** One monitor's own status, as it answers {@code mon_status} itself. */
    public JsonNode monStatus(String mon) {
        return tellMon(mon, "mon_status");
    }

    /** Every cluster log entry the mons hold, oldest first: a count larger than any mon keeps asks for all of them. */
    public JsonNode clusterLog() {
        return mon("log last", "\"num\":100000,\"level\":\"debug\",\"channel\":\"cluster\"");
    }

    /** A CephFS volume's subvolume groups, but the volumes module's own {@code _nogroup} of subvolumes without one. */
    public List<String> subvolumeGroups(String volume) {
        List<String> groups = new ArrayList<>();
        for (JsonNode group : mon("fs subvolumegroup ls", arguments("vol_name", volume))) {
            if (!group.path("name").asText().equals("_nogroup")) {
                groups.add(group.path("name").asText());
            }
        }
        return groups;
    }

    /** The names of a group's subvolumes; of those of no group when {@code group} is null. */
    public List<String> subvolumeNames(String volume, String group) {
        List<String> names = new ArrayList<>();
        mon("fs subvolume ls", arguments("vol_name", volume, "group_name", group)).forEach(listed -> names.add(listed.path("name").asText()));
        return names;
    }

    /**
     * What {@code fs subvolume info} says of a subvolume, with its name, group and snapshots' names; of a clone still
     * being copied, only its state ({@code pending} or {@code in-progress}); null when it is gone.
     */
    public ObjectNode describeSubvolume(String volume, String group, String name) {
        try {
            ObjectNode subvolume = mapper.createObjectNode().put("name", name).put("group", group);
            subvolume.setAll((ObjectNode) mon("fs subvolume info", arguments("vol_name", volume, "sub_name", name, "group_name", group)));
            subvolume.set("snapshots", mon("fs subvolume snapshot ls", arguments("vol_name", volume, "sub_name", name, "group_name", group)));
            return subvolume;
        } catch (RadosException e) {
            if (e.notFound()) {
                return null;
            }
            if (!e.notReady()) {
                throw e;
            }
            // a clone still being copied: the volumes module describes it once it is complete
            ObjectNode clone = mapper.createObjectNode().put("name", name).put("group", group);
            clone.put("state", cloneState(volume, name, group));
            clone.putArray("snapshots");
            return clone;
        }
    }

    /** Starts a clone, which the volumes module then copies in the background. */
    public void startClone(SubvolumeClone clone) {
        mon("fs subvolume snapshot clone", arguments("vol_name", clone.volume(), "sub_name", clone.subvolume(), "snap_name", clone.snapshot(),
                "target_sub_name", clone.target(), "group_name", clone.group(), "target_group_name", clone.targetGroup(),
                "pool_layout", clone.dataPool()));
    }

    /** A clone's state; {@code not-ready} for a subvolume the volumes module is busy with otherwise. */
    private String cloneState(String volume, String name, String group) {
        try {
            return cloneStatus(volume, name, group).path("state").asText("pending");
        } catch (RadosException e) {
            return "not-ready";
        }
    }

    /** What {@code fs clone status} says of a clone: its {@code state} and, once failed, its {@code failure}. */
    public JsonNode cloneStatus(String volume, String clone, String group) {
        return mon("fs clone status", arguments("vol_name", volume, "clone_name", clone, "group_name", group)).path("status");
    }

    /**
     * Ceph's verdict on stopping daemons together ({@code osd ok-to-stop}, {@code mon ok-to-stop}) or destroying OSDs
     * ({@code osd safe-to-destroy}): {@code {"ok": true}}, or {@code {"ok": false, "reason": ...}} in Ceph's words.
     * Only OSDs and mons have a check; other daemons are ok.
     */
    public JsonNode safety(SafetyCheck check) {
        Map<String, List<String>> idsByType = new LinkedHashMap<>();
        for (String daemon : check.daemons()) {
            String type = daemon.substring(0, daemon.indexOf('.'));
            boolean checked = check.check() == SafetyCheck.Check.SAFE_TO_DESTROY ? type.equals("osd") : type.equals("osd") || type.equals("mon");
            if (checked) {
                idsByType.computeIfAbsent(type, ignored -> new ArrayList<>()).add(daemon.substring(daemon.indexOf('.') + 1));
            }
        }
        ObjectNode verdict = mapper.createObjectNode().put("ok", true);
        for (Map.Entry<String, List<String>> ids : idsByType.entrySet()) {
            String prefix = ids.getKey() + (check.check() == SafetyCheck.Check.SAFE_TO_DESTROY ? " safe-to-destroy" : " ok-to-stop");
            ObjectNode command = mapper.createObjectNode().put("prefix", prefix);
            ids.getValue().forEach(command.putArray("ids")::add);
            RadosHandle.Attempt attempt = commands.attempt(command.toString());
            if (attempt.returnCode() != 0) {
                // without its closing full stop, as Loligo's message goes on after it
                return verdict.put("ok", false).put("reason", attempt.status() == null || attempt.status().isBlank()
                        ? "Ceph refused (" + attempt.returnCode() + ")" : attempt.status().strip().replaceAll("\\.+$", ""));
            }
        }
        return verdict;
    }

    /**
     * The PGs an OSD still serves ({@code pg ls-by-osd}: those whose up or acting set names it) and their bytes:
     * {@code {"pgs": n, "bytes": n}}.
     */
    public JsonNode pgsOn(int osd) {
        JsonNode stats = pgsListedOn(osd);
        long bytes = 0;
        for (JsonNode pg : stats) {
            bytes += pg.path("stat_sum").path("num_bytes").asLong();
        }
        return mapper.createObjectNode().put("pgs", stats.size()).put("bytes", bytes);
    }

    /** The PGs {@code pg ls-by-osd} lists for the OSD, each with its state, up and acting sets and statistics. */
    public JsonNode pgsListedOn(int osd) {
        // the mons take the OSD as a number, as for osd info
        JsonNode listing = mon("pg ls-by-osd", "\"osd\":" + osd);
        return listing.has("pg_stats") ? listing.path("pg_stats") : listing;
    }

    /** How many PGs are in each state ({@code pg stat}). */
    public JsonNode pgStat() {
        return mon("pg stat");
    }

    /** The CRUSH map as {@code osd crush dump} gives it. */
    public JsonNode crushDump() {
        return mon("osd crush dump");
    }

    /** The ids of the OSDs in the OSD map now, destroyed ones too. */
    public List<Integer> osdIds() {
        List<Integer> ids = new ArrayList<>();
        mon("osd ls").forEach(id -> ids.add(id.asInt()));
        return ids;
    }

    /** Marks an OSD out, so that CRUSH maps its PGs elsewhere. */
    public void markOut(int osd) {
        commands.run(command("osd out", "\"ids\":[\"" + osd + "\"]"), null);
    }

    /** The OSD's device class replaced by {@code deviceClass} (Ceph sets one only where none is). */
    public void setDeviceClass(int osd, String deviceClass) {
        commands.run(command("osd crush rm-device-class", "\"ids\":[\"osd." + osd + "\"]"), null);
        commands.run(command("osd crush set-device-class", "\"class\":\"" + deviceClass + "\",\"ids\":[\"osd." + osd + "\"]"), null);
    }

    /**
     * Moves an OSD to a CRUSH location, its buckets made where missing and its weight kept; under {@code root=default}
     * unless the location names a root, as Ceph's own {@code osd_crush_location} does.
     */
    public void placeOsd(int osd, Map<String, String> location) {
        ArrayNode args = mapper.createArrayNode();
        if (!location.containsKey("root")) {
            args.add("root=default");
        }
        location.forEach((type, name) -> args.add(type + "=" + name));
        double weight = 0;
        for (JsonNode node : mon("osd crush tree").path("nodes")) {
            if (node.path("type").asText().equals("osd") && node.path("id").asInt() == osd) {
                weight = node.path("crush_weight").asDouble();
            }
        }
        commands.run(command("osd crush create-or-move", "\"id\":" + osd + ",\"weight\":" + weight + ",\"args\":" + args), null);
    }

    /**
     * {@code osd destroy} (id and CRUSH place kept, cephx keys gone) or {@code osd purge} (gone from the OSD map, CRUSH
     * and auth), as the mgr makes them once its safe-to-destroy check passes: with the mons' own
     * {@code -actual} commands, which take no check. The caller asks safe-to-destroy first unless overridden.
     */
    public void removeOsd(int osd, boolean purge) {
        // the OSD as a number, as the mons take it
        commands.run(command(purge ? "osd purge-actual" : "osd destroy-actual", "\"id\":" + osd + ",\"yes_i_really_mean_it\":true"), null);
    }

    /** The OSD map now, in Ceph's binary form, as {@code osdmaptool} reads it. */
    public byte[] osdMapBinary() {
        return commands.run("{\"prefix\":\"osd getmap\"}", null).output();
    }

    /** The OSD map now as {@code osd dump} gives it: pools, OSDs with their override weights, upmaps. */
    public JsonNode osdDump() {
        return mon("osd dump");
    }

    /** Each PG's objects and bytes ({@code pg dump pgs}): {@code {pgid: [objects, bytes]}}. */
    public Map<String, long[]> pgContents() {
        JsonNode dump = mon("pg dump", "\"dumpcontents\":[\"pgs\"]");
        Map<String, long[]> contents = new HashMap<>();
        for (JsonNode pg : dump.has("pg_stats") ? dump.path("pg_stats") : dump) {
            JsonNode sum = pg.path("stat_sum");
            contents.put(pg.path("pgid").asText(), new long[]{sum.path("num_objects").asLong(), sum.path("num_bytes").asLong()});
        }
        return contents;
    }

    /** The OSD map's epoch now: a change made is in the maps once cluster-service holds it. */
    public long osdMapEpoch() {
        return mon("osd stat").path("epoch").asLong();
    }

    /** An OSD's {@code up} (0 or 1) and {@code up_from} epoch in the OSD map now ({@code osd info}: one OSD's entry, not the map's). */
    public JsonNode osdState(int id) {
        // the mons take the id as a number here, whatever its type's name (CephOsdName) says
        return mon("osd info", "\"id\":" + id);
    }

    /** The names of the mons in the quorum now. */
    public List<String> quorum() {
        List<String> names = new ArrayList<>();
        mon("quorum_status").path("quorum_names").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** Command arguments as JSON members, from names and values; a null value is left out. */
    private String arguments(String... namesAndValues) {
        ObjectNode arguments = mapper.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                arguments.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        String json = arguments.toString();
        return json.substring(1, json.length() - 1);
    }

    /**
     * Makes a change, then reads the OSD map epoch: the change has happened in the cluster's maps once
     * cluster-service holds that epoch.
     *
     * @param input the data the command takes besides its arguments, or null
     */
    public JsonNode apply(ClusterChange change, byte[] input) {
        CommandResult result = commands.run(change.monCommand(), input);
        ObjectNode applied = mapper.createObjectNode();
        applied.put("outs", result.status());
        applied.put("osd_map_epoch", mon("status").path("osdmap").path("epoch").asLong());
        return applied;
    }

    /**
     * Runs a command line if its prefix is allowed. Ceph's own signatures decide what the words mean, so they are
     * read first, from the monitors this agent reaches.
     *
     * @param allowed the command prefixes that may run, each a whole command: {@code health} does not let
     *                {@code health mute} in
     */
    public JsonNode runCli(RunCli run, List<String> allowed) {
        ObjectNode answer = mapper.createObjectNode();
        CliArguments.Command command;
        try {
            command = new CliArguments(mon("get_command_descriptions")).parse(run.words());
        } catch (CliArguments.Invalid e) {
            return answer.put("invalid", e.getMessage());
        }
        answer.put("prefix", command.prefix());
        if (!allowed.contains(command.prefix())) {
            answer.put("refused", "'" + command.prefix() + "' (Ceph permission " + command.permission()
                    + ") is not on the CLI allow-list");
            allowed.forEach(answer.putArray("allowed")::add);
            return answer;
        }
        RadosHandle.Attempt attempt = commands.attempt(command.json().toString());
        return answer.put("status", attempt.returnCode())
                .put("out", new String(attempt.output(), StandardCharsets.UTF_8))
                .put("err", attempt.status());
    }

    /** Content plus the version it belongs to. */
    public record Versioned(long version, JsonNode content) {
    }

    private JsonNode configLog() {
        return mon("config log", "\"num\":1");
    }

    private JsonNode healthDetail() {
        return mon("health", "\"detail\":\"detail\"");
    }

    private JsonNode mon(String prefix) {
        return mon(prefix, null);
    }

    private JsonNode mon(String prefix, String extraArguments) {
        return parse(prefix, monOutput(prefix, extraArguments));
    }

    /** The reply as bytes, for the replies too large to hold as trees. */
    private byte[] monOutput(String prefix, String extraArguments) {
        return commands.run(command(prefix, extraArguments), null).output();
    }

    private JsonNode tellMon(String name, String prefix) {
        return parse(prefix, commands.handle().monCommand(name, command(prefix, null)).output());
    }

    private static String command(String prefix, String extraArguments) {
        return "{\"prefix\":\"" + prefix + "\",\"format\":\"json\"" + (extraArguments == null ? "" : "," + extraArguments) + "}";
    }

    private JsonNode parse(String prefix, byte[] output) {
        try {
            return mapper.readTree(output);
        } catch (IOException e) {
            throw new UncheckedIOException("'" + prefix + "' returned unreadable JSON", e);
        }
    }

    private static Versioned epoch(JsonNode content, String field) {
        return new Versioned(content.path(field).asLong(), content);
    }
}
