package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.heartbeat.ClusterMap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each map's version is. Heartbeats report these versions and fetch replies carry them, so both are defined
 * here, once. Pure: callers pass the mons' replies.
 */
public final class MapVersions {
    private MapVersions() {
    }

    /**
     * Every map's version the mons alone answer, from the replies to {@code status}, {@code health detail} and
     * {@code config log 1}; the PG summary's is the mgr's ({@link #pgSummary}).
     */
    public static Map<ClusterMap, Long> of(JsonNode status, JsonNode healthDetail, JsonNode configLog) {
        Map<ClusterMap, Long> versions = new EnumMap<>(ClusterMap.class);
        long osdMapEpoch = status.path("osdmap").path("epoch").asLong();
        versions.put(ClusterMap.OSD_MAP, osdMapEpoch);
        versions.put(ClusterMap.MON_MAP, status.path("monmap").path("epoch").asLong());
        versions.put(ClusterMap.MON_STATUS, status.path("election_epoch").asLong());
        versions.put(ClusterMap.FS_MAP, status.path("fsmap").path("epoch").asLong());
        versions.put(ClusterMap.HEALTH, health(healthDetail));
        versions.put(ClusterMap.CONFIG, config(configLog, status.path("election_epoch").asLong()));
        return versions;
    }

    public static long config(JsonNode configLog, long electionEpoch) {
        ObjectNode basis = JsonNodeFactory.instance.objectNode();
        basis.put("config_version", configLog.path(0).path("version").asLong());
        basis.put("election_epoch", electionEpoch);
        return digest(basis);
    }

    public static long health(JsonNode healthDetail) {
        return digest(healthDetail);
    }

    /**
     * PG state counts move whenever PGs change state; with the OSD map epoch (PGs remap when it moves) they stand
     * for the whole summary without reading every PG.
     */
    public static long pgSummary(JsonNode pgStat, long osdMapEpoch) {
        ObjectNode basis = JsonNodeFactory.instance.objectNode();
        basis.set("by_state", pgStat.path("pg_summary").path("num_pg_by_state"));
        basis.put("osdmap_epoch", osdMapEpoch);
        return digest(basis);
    }

    /** The first 63 bits of the SHA-256 of the JSON text: positive, and as good as unique. */
    static long digest(JsonNode content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
