package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.ClusterView;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.api.HealthCountersView;
import io.loligo.contracts.api.HealthView;
import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.PoolForm;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.RequestView;
import io.loligo.contracts.api.ServerView;
import io.loligo.contracts.api.UsageViews;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.gateway.calamari.CalamariViews.Bucket;
import io.loligo.gateway.calamari.CalamariViews.Buckets;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Loligo's views in Calamari's shapes, field by field, where the two differ. Pure. */
final class CalamariShapes {
    /** Calamari's two request states; Loligo's others are one of them. */
    static final String SUBMITTED = "submitted";
    static final String COMPLETE = "complete";
    /** Loligo's state for an outcome it cannot tell. */
    private static final String UNKNOWN = "unknown";
    /** The names of the maps Calamari held, in the order its {@code sync_object} listed them. */
    static final List<String> SYNC_OBJECTS = List.of("mds_map", "osd_map", "mon_map", "mon_status", "quorum_status",
            "pg_summary", "health", "config");
    /** Ceph's numbers for CRUSH rule types, as Calamari named them. */
    private static final Map<Integer, String> RULE_TYPES = Map.of(1, "replicated", 3, "erasure");

    private CalamariShapes() {
    }

    /**
     * A failed or cancelled request was {@code complete} with {@code error} in Calamari; a queued one was submitted.
     * Calamari had no unknown outcome: a client that takes {@code complete} without {@code error} for success must
     * not be told one, so an unknown outcome is an error whose message says it is unknown and how to check.
     */
    static CalamariViews.Request request(RequestView request) {
        boolean ended = !request.state().equals("queued") && !request.state().equals(SUBMITTED);
        boolean error = request.error() || request.state().equals(UNKNOWN);
        String message = error && (request.errorMessage() == null || request.errorMessage().isEmpty())
                ? request.state() : request.errorMessage();
        return new CalamariViews.Request(request.id(), ended ? COMPLETE : SUBMITTED, error, message,
                request.headline(), request.status(), request.requestedAt(), request.completedAt());
    }

    /**
     * Loligo's states that Calamari's {@code ?state=} stands for.
     *
     * @throws InvalidInput a 400 in Calamari's words for any other value
     */
    static String requestStates(String calamariState) {
        if (calamariState == null) {
            return null;
        }
        return switch (calamariState) {
            case SUBMITTED -> "queued,submitted";
            case COMPLETE -> "complete,error,cancelled,unknown";
            default -> throw new InvalidInput("InvalidState", "State must be one of complete, submitted");
        };
    }

    static CalamariViews.CrushRule crushRule(CrushViews.Rule rule) {
        List<CalamariViews.CrushStep> steps = rule.steps().stream().map(step -> new CalamariViews.CrushStep(
                step.op(), step.type(), step.num(), step.itemName(), step.item())).toList();
        return new CalamariViews.CrushRule(rule.id(), rule.name(), rule.ruleset(),
                RULE_TYPES.getOrDefault(rule.type(), String.valueOf(rule.type())), rule.minSize(), rule.maxSize(), steps, rule.osdCount());
    }

    static CalamariViews.CrushRuleSet crushRuleSet(CrushViews.RuleSet ruleSet) {
        return new CalamariViews.CrushRuleSet(ruleSet.id(), ruleSet.rules().stream().map(CalamariShapes::crushRule).toList());
    }

    /**
     * Calamari's defaults name every field of a pool, null where none applies; Ceph 16 has no crash replay
     * interval, so that one is 0, as Calamari gave it.
     */
    static CalamariViews.PoolDefaults poolDefaults(PoolForm defaults, boolean hashpspool) {
        return new CalamariViews.PoolDefaults(null, null, defaults.size(), defaults.pgNum(), defaults.crushRuleset(),
                defaults.minSize(), 0, defaults.pgpNum(), hashpspool, null, defaults.quotaMaxObjects(), defaults.quotaMaxBytes(),
                defaults.type(), defaults.erasureCodeProfile());
    }

    static CalamariViews.PoolStats poolStats(UsageViews.PoolStats stats) {
        return new CalamariViews.PoolStats(stats.name(), stats.numObjectsUnfound(), stats.numObjectsMissingOnPrimary(),
                stats.numObjectClones(), stats.numObjects(), stats.numObjectCopies(), stats.numBytes(), stats.numRdKb(),
                stats.numWrKb(), stats.numBytes() / 1024, stats.numWr(), stats.numObjectsDegraded(), stats.numRd());
    }

    /**
     * Calamari's {@code health} sync object was the {@code health detail} of Ceph before Luminous; Calamari's clients
     * read its {@code overall_status}, {@code summary} and {@code detail}. Ceph 16's report keeps its own fields and
     * gains those three, derived from its checks.
     */
    static JsonNode healthReport(JsonNode report) {
        ObjectNode calamari = report.isObject() ? ((ObjectNode) report).deepCopy() : JsonNodeFactory.instance.objectNode();
        calamari.put("overall_status", report.path("status").asText("HEALTH_OK"));
        ArrayNode summary = calamari.putArray("summary");
        ArrayNode detail = calamari.putArray("detail");
        for (Map.Entry<String, JsonNode> check : iterable(report.path("checks"))) {
            summary.addObject().put("severity", check.getValue().path("severity").asText())
                    .put("summary", check.getValue().path("summary").path("message").asText(check.getKey()));
            for (JsonNode line : check.getValue().path("detail")) {
                detail.add(line.path("message").asText(line.asText()));
            }
        }
        return calamari;
    }

    static CalamariViews.V1Cluster v1Cluster(ClusterView cluster) {
        return new CalamariViews.V1Cluster(cluster.updateTime(), unixMillis(cluster.updateTime()), cluster.id(), cluster.name());
    }

    /** @param updated when the cluster last reported, which Calamari gave with every v1 read */
    static CalamariViews.V1Health v1Health(HealthView health, OffsetDateTime updated) {
        return new CalamariViews.V1Health(healthReport(health.report()), updated, unixMillis(updated));
    }

    static CalamariViews.V1HealthCounters v1HealthCounters(HealthCountersView counters, OffsetDateTime updated) {
        HealthCountersView.Mds mds = counters.mds();
        return new CalamariViews.V1HealthCounters(buckets(counters.pg()),
                new CalamariViews.Mds(mds.total(), mds.upIn(), mds.upNotIn(), mds.notUpNotIn()), buckets(counters.mon()),
                buckets(counters.osd()), updated, unixMillis(updated));
    }

    /**
     * v1's OSD list: the OSD map's own fields for each OSD (Loligo's view carries them), its pools by name, and for
     * each PG state the number of OSDs holding PGs in it.
     */
    static CalamariViews.V1OsdList v1Osds(List<OsdView> osds, List<PoolView> pools, Map<String, String> hostnames) {
        Map<Integer, String> poolNames = pools.stream().collect(Collectors.toMap(PoolView::id, PoolView::name));
        Map<String, Integer> osdsByState = new TreeMap<>();
        List<CalamariViews.V1Osd> listed = osds.stream().map(osd -> {
            Map<String, Long> pgStates = pgStatesByState(osd.pgStates());
            pgStates.keySet().forEach(state -> osdsByState.merge(state, 1, Integer::sum));
            return new CalamariViews.V1Osd(osd.uuid(), osd.up() ? 1 : 0, osd.in() ? 1 : 0, osd.upFrom(), osd.publicAddr(),
                    osd.clusterAddr(), osd.heartbeatBackAddr(), osd.heartbeatFrontAddr(), osd.id(), osd.id(), pgStates,
                    osd.pools().stream().map(id -> poolNames.getOrDefault(id, String.valueOf(id))).toList(),
                    osd.server(), osd.server() == null ? null : hostnames.getOrDefault(osd.server(), osd.host()));
        }).toList();
        return new CalamariViews.V1OsdList(listed, osdsByState);
    }

    /** v1's pool: quotas and, where the cluster could be read, its use. */
    static CalamariViews.V1Pool v1Pool(String fsid, PoolView pool, UsageViews.PoolStats stats) {
        return new CalamariViews.V1Pool(pool.id(), pool.name(), pool.quotaMaxBytes(), pool.quotaMaxObjects(),
                stats == null ? null : stats.numObjects(), stats == null ? null : stats.numBytes(), pool.id(), fsid);
    }

    static CalamariViews.V1Server v1Server(ServerView server) {
        return new CalamariViews.V1Server(server.fqdn(), server.hostname(), server.hostname(), server.services().stream()
                .map(service -> new CalamariViews.V1Service(service.type(), service.id(), service.type() + "." + service.id()))
                .toList());
    }

    /** Calamari counted each state of a PG apart: {@code active+clean} adds to {@code active} and to {@code clean}. */
    private static Map<String, Long> pgStatesByState(Map<String, Long> pgStates) {
        Map<String, Long> byState = new TreeMap<>();
        pgStates.forEach((states, count) -> {
            for (String state : states.split("\\+")) {
                byState.merge(state, count, Long::sum);
            }
        });
        return byState;
    }

    private static Buckets buckets(HealthCountersView.Buckets buckets) {
        return new Buckets(bucket(buckets.ok()), bucket(buckets.warn()), bucket(buckets.critical()));
    }

    private static Bucket bucket(HealthCountersView.Bucket bucket) {
        return new Bucket(bucket.count(), bucket.states());
    }

    /** Calamari's {@code cluster_update_time_unix}: milliseconds, whole seconds of them. */
    static Long unixMillis(OffsetDateTime time) {
        return time == null ? null : time.toEpochSecond() * 1000;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
