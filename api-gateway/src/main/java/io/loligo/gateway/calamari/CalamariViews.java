package io.loligo.gateway.calamari;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Calamari's answers where Loligo's own differ in a field's presence, type or unit, named after the serializer of
 * Calamari's that wrote them ({@code rest-api/calamari_rest/serializers/v1.py} and {@code v2.py}). Where Loligo's
 * view already has every field of Calamari's with its type, the faces answer Loligo's view, whose extra fields
 * Calamari's clients ignore.
 */
final class CalamariViews {
    private CalamariViews() {
    }

    /** v2 {@code RequestSerializer}: two states only, a failure being a complete request with {@code error}. */
    record Request(@JsonProperty("id") String id, @JsonProperty("state") String state, @JsonProperty("error") boolean error,
                   @JsonProperty("error_message") String errorMessage, @JsonProperty("headline") String headline,
                   @JsonProperty("status") String status, @JsonProperty("requested_at") OffsetDateTime requestedAt,
                   @JsonProperty("completed_at") OffsetDateTime completedAt) {
    }

    /** v2 {@code PoolSerializer} for {@code GET pool?defaults}: every field, null where no default applies. */
    record PoolDefaults(@JsonProperty("name") String name, @JsonProperty("id") Integer id, @JsonProperty("size") Integer size,
                        @JsonProperty("pg_num") Integer pgNum, @JsonProperty("crush_ruleset") Integer crushRuleset,
                        @JsonProperty("min_size") Integer minSize, @JsonProperty("crash_replay_interval") Integer crashReplayInterval,
                        @JsonProperty("pgp_num") Integer pgpNum, @JsonProperty("hashpspool") Boolean hashpspool,
                        @JsonProperty("full") Boolean full, @JsonProperty("quota_max_objects") Long quotaMaxObjects,
                        @JsonProperty("quota_max_bytes") Long quotaMaxBytes, @JsonProperty("type") String type,
                        @JsonProperty("erasure_code_profile") String erasureCodeProfile) {
    }

    /** v2 {@code CrushRuleSerializer}: the type by name, every step with all five fields. */
    record CrushRule(@JsonProperty("id") int id, @JsonProperty("name") String name, @JsonProperty("ruleset") int ruleset,
                     @JsonProperty("type") String type, @JsonProperty("min_size") int minSize,
                     @JsonProperty("max_size") int maxSize, @JsonProperty("steps") List<CrushStep> steps,
                     @JsonProperty("osd_count") int osdCount) {
    }

    /** v2 {@code StepItemSerializer}. */
    record CrushStep(@JsonProperty("op") String op, @JsonProperty("type") String type, @JsonProperty("num") Integer num,
                     @JsonProperty("item_name") String itemName, @JsonProperty("item") Integer item) {
    }

    /** v2 {@code CrushRuleSetSerializer}. */
    record CrushRuleSet(@JsonProperty("id") int id, @JsonProperty("rules") List<CrushRule> rules) {
    }

    /** v2 {@code PoolStatsSerializer}: a pool's {@code stat_sum}. */
    record PoolStats(@JsonProperty("name") String name,
                     @JsonProperty("num_objects_unfound") long numObjectsUnfound,
                     @JsonProperty("num_objects_missing_on_primary") long numObjectsMissingOnPrimary,
                     @JsonProperty("num_object_clones") long numObjectClones,
                     @JsonProperty("num_objects") long numObjects,
                     @JsonProperty("num_object_copies") long numObjectCopies,
                     @JsonProperty("num_bytes") long numBytes,
                     @JsonProperty("num_rd_kb") long numRdKb,
                     @JsonProperty("num_wr_kb") long numWrKb,
                     @JsonProperty("num_kb") long numKb,
                     @JsonProperty("num_wr") long numWr,
                     @JsonProperty("num_objects_degraded") long numObjectsDegraded,
                     @JsonProperty("num_rd") long numRd) {
    }

    /** v2 {@code LogTailSerializer}. */
    record LogTail(@JsonProperty("lines") String lines) {
    }

    /** v1 {@code ClusterSerializer}: the update time twice, the second as Unix milliseconds. */
    record V1Cluster(@JsonProperty("cluster_update_time") OffsetDateTime clusterUpdateTime,
                     @JsonProperty("cluster_update_time_unix") Long clusterUpdateTimeUnix,
                     @JsonProperty("id") String id, @JsonProperty("name") String name) {
    }

    /** v1 {@code ClusterHealthSerializer}. */
    record V1Health(@JsonProperty("report") JsonNode report,
                    @JsonProperty("cluster_update_time") OffsetDateTime clusterUpdateTime,
                    @JsonProperty("cluster_update_time_unix") Long clusterUpdateTimeUnix) {
    }

    /** v1 {@code ClusterHealthCountersSerializer}. */
    record V1HealthCounters(@JsonProperty("pg") Buckets pg, @JsonProperty("mds") Mds mds, @JsonProperty("mon") Buckets mon,
                            @JsonProperty("osd") Buckets osd,
                            @JsonProperty("cluster_update_time") OffsetDateTime clusterUpdateTime,
                            @JsonProperty("cluster_update_time_unix") Long clusterUpdateTimeUnix) {
    }

    record Buckets(@JsonProperty("ok") Bucket ok, @JsonProperty("warn") Bucket warn, @JsonProperty("critical") Bucket critical) {
    }

    record Bucket(@JsonProperty("count") long count, @JsonProperty("states") Map<String, Long> states) {
    }

    record Mds(@JsonProperty("total") long total, @JsonProperty("up_in") long upIn, @JsonProperty("up_not_in") long upNotIn,
               @JsonProperty("not_up_not_in") long notUpNotIn) {
    }

    /** v1 {@code ClusterSpaceSerializer}. */
    record V1Space(@JsonProperty("space") Space space) {
    }

    record Space(@JsonProperty("used_bytes") long usedBytes, @JsonProperty("capacity_bytes") long capacityBytes,
                 @JsonProperty("free_bytes") long freeBytes) {
    }

    /** v1 {@code OSDListSerializer}: the OSDs, and how many OSDs hold PGs in each state. */
    record V1OsdList(@JsonProperty("osds") List<V1Osd> osds, @JsonProperty("pg_state_counts") Map<String, Integer> pgStateCounts) {
    }

    /**
     * One OSD of v1's list: the OSD map's own fields ({@code up} and {@code in} as its 1 and 0), its PG counts by
     * state, its pools by name, and where it runs.
     */
    record V1Osd(@JsonProperty("uuid") String uuid, @JsonProperty("up") int up, @JsonProperty("in") int in,
                 @JsonProperty("up_from") long upFrom, @JsonProperty("public_addr") String publicAddr,
                 @JsonProperty("cluster_addr") String clusterAddr,
                 @JsonProperty("heartbeat_back_addr") String heartbeatBackAddr,
                 @JsonProperty("heartbeat_front_addr") String heartbeatFrontAddr,
                 @JsonProperty("id") int id, @JsonProperty("osd") int osd, @JsonProperty("pg_states") Map<String, Long> pgStates,
                 @JsonProperty("pools") List<String> pools, @JsonProperty("fqdn") String fqdn, @JsonProperty("host") String host) {
    }

    /** v1 {@code OSDDetailSerializer}: the OSD as the OSD map has it. */
    record V1OsdDetail(@JsonProperty("osd") JsonNode osd) {
    }

    /** v1 {@code PoolSerializer}: quotas and use. */
    record V1Pool(@JsonProperty("pool_id") int poolId, @JsonProperty("name") String name,
                  @JsonProperty("quota_max_bytes") long quotaMaxBytes, @JsonProperty("quota_max_objects") long quotaMaxObjects,
                  @JsonProperty("used_objects") Long usedObjects, @JsonProperty("used_bytes") Long usedBytes,
                  @JsonProperty("id") int id, @JsonProperty("cluster") String cluster) {
    }

    /** v1 {@code ServerSerializer}. */
    record V1Server(@JsonProperty("addr") String addr, @JsonProperty("hostname") String hostname,
                    @JsonProperty("name") String name, @JsonProperty("services") List<V1Service> services) {
    }

    /** v1 {@code ServiceStatusSerializer}. */
    record V1Service(@JsonProperty("type") String type, @JsonProperty("service_id") String serviceId,
                     @JsonProperty("name") String name) {
    }
}
