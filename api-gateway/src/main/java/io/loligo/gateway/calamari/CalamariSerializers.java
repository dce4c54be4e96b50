package io.loligo.gateway.calamari;

import io.loligo.gateway.calamari.DrfSerializer.Kind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Calamari v2's writable serializers ({@code rest-api/calamari_rest/serializers/v2.py}): their fields and what each
 * method may and must send.
 */
final class CalamariSerializers {
    private static final Set<String> OSD_FLAGS = Set.of("pause", "noup", "nodown", "noout", "noin", "nobackfill", "norecover",
            "noscrub", "nodeep-scrub");

    static final DrfSerializer POOL = new DrfSerializer(poolFields(),
            Set.of("name", "pg_num", "pgp_num", "crush_ruleset", "size", "min_size", "crash_replay_interval", "quota_max_objects",
                    "quota_max_bytes", "hashpspool", "type", "erasure_code_profile"),
            Set.of("name", "pg_num"),
            Set.of("name", "pg_num", "pgp_num", "size", "min_size", "crash_replay_interval", "crush_ruleset", "quota_max_objects",
                    "quota_max_bytes", "hashpspool"),
            Set.of());

    /** An erasure-coded pool's size comes from its profile: it may not be sent. */
    static final DrfSerializer ERASURE_POOL = new DrfSerializer(poolFields(),
            Set.of("name", "pg_num", "pgp_num", "min_size", "crash_replay_interval", "crush_ruleset", "quota_max_objects",
                    "quota_max_bytes", "hashpspool", "type", "erasure_code_profile"),
            Set.of("name", "pg_num"),
            Set.of("name", "pg_num", "pgp_num", "min_size", "crash_replay_interval", "crush_ruleset", "quota_max_objects",
                    "quota_max_bytes", "hashpspool"),
            Set.of());

    static final DrfSerializer OSD = new DrfSerializer(fields(
                    "id", Kind.INTEGER, "uuid", Kind.STRING, "up", Kind.BOOLEAN, "in", Kind.BOOLEAN, "reweight", Kind.FLOAT,
                    "server", Kind.STRING, "pools", Kind.LIST, "valid_commands", Kind.STRING, "public_addr", Kind.STRING,
                    "cluster_addr", Kind.STRING, "crush_node_ancestry", Kind.LIST, "backend_partition_path", Kind.STRING,
                    "backend_device_node", Kind.STRING, "osd_data", Kind.STRING, "osd_journal", Kind.STRING),
            Set.of(), Set.of(), Set.of("up", "in", "reweight"), Set.of());

    static final DrfSerializer OSD_CONFIG = new DrfSerializer(flagFields(), Set.of(), Set.of(), OSD_FLAGS, Set.of());

    static final DrfSerializer CRUSH_RULE = new DrfSerializer(fields(
                    "id", Kind.INTEGER, "name", Kind.STRING, "ruleset", Kind.INTEGER, "type", Kind.STRING, "min_size", Kind.INTEGER,
                    "max_size", Kind.INTEGER, "steps", Kind.LIST, "osd_count", Kind.INTEGER),
            Set.of("name", "ruleset", "type", "min_size", "max_size", "steps"),
            Set.of("name", "type", "min_size", "max_size", "steps"),
            Set.of("name", "ruleset", "min_size", "max_size", "steps"),
            Set.of());

    static final DrfSerializer CRUSH_NODE = new DrfSerializer(fields(
                    "bucket_type", Kind.STRING, "name", Kind.STRING, "id", Kind.INTEGER, "weight", Kind.FLOAT, "alg", Kind.STRING,
                    "hash", Kind.INTEGER, "items", Kind.LIST),
            Set.of("bucket_type", "name", "items", "id"),
            Set.of(),
            Set.of("bucket_type", "name", "items"),
            Set.of());

    private CalamariSerializers() {
    }

    private static Map<String, Kind> poolFields() {
        return fields("name", Kind.STRING, "pg_num", Kind.INTEGER, "id", Kind.STRING, "size", Kind.INTEGER, "min_size", Kind.INTEGER,
                "crash_replay_interval", Kind.INTEGER, "crush_ruleset", Kind.INTEGER, "pgp_num", Kind.INTEGER,
                "hashpspool", Kind.BOOLEAN, "full", Kind.BOOLEAN, "quota_max_objects", Kind.INTEGER, "quota_max_bytes", Kind.INTEGER,
                "type", Kind.STRING, "erasure_code_profile", Kind.STRING);
    }

    private static Map<String, Kind> flagFields() {
        Map<String, Kind> flags = new LinkedHashMap<>();
        OSD_FLAGS.forEach(flag -> flags.put(flag, Kind.BOOLEAN));
        return flags;
    }

    private static Map<String, Kind> fields(Object... namesAndKinds) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            fields.put((String) namesAndKinds[i], (Kind) namesAndKinds[i + 1]);
        }
        return fields;
    }
}
