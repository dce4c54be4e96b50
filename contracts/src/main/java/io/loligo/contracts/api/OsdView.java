package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * An OSD in Calamari's v2 shape, plus what Loligo adds: its CRUSH host and weight, its PG counts by state
 * (Calamari v1's {@code pg_states}) and its primary affinity.
 *
 * @param server the fqdn of the server whose agent reports this OSD; the CRUSH host name when no agent does
 * @param crushNodeAncestry for each place the OSD has in the CRUSH tree, the ids of its buckets from parent to root
 * @param upFrom the OSD map epoch since which the OSD has been up
 */
public record OsdView(
        @JsonProperty("id") int id,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("up") boolean up,
        @JsonProperty("in") boolean in,
        @JsonProperty("reweight") double reweight,
        @JsonProperty("server") String server,
        @JsonProperty("pools") List<Integer> pools,
        @JsonProperty("valid_commands") List<String> validCommands,
        @JsonProperty("public_addr") String publicAddr,
        @JsonProperty("cluster_addr") String clusterAddr,
        @JsonProperty("crush_node_ancestry") List<List<Integer>> crushNodeAncestry,
        @JsonProperty("backend_partition_path") String backendPartitionPath,
        @JsonProperty("backend_device_node") String backendDeviceNode,
        @JsonProperty("osd_data") String osdData,
        @JsonProperty("osd_journal") String osdJournal,
        @JsonProperty("host") String host,
        @JsonProperty("crush_weight") double crushWeight,
        @JsonProperty("primary_affinity") double primaryAffinity,
        @JsonProperty("pg_states") Map<String, Long> pgStates,
        @JsonProperty("up_from") long upFrom,
        @JsonProperty("heartbeat_back_addr") String heartbeatBackAddr,
        @JsonProperty("heartbeat_front_addr") String heartbeatFrontAddr) {

    /** Calamari's OSD commands, valid while the OSD is up. */
    public static final List<String> COMMANDS = List.of("scrub", "deep_scrub", "repair");

    public OsdView withServer(String fqdn) {
        return new OsdView(id, uuid, up, in, reweight, fqdn, pools, validCommands, publicAddr, clusterAddr,
                crushNodeAncestry, backendPartitionPath, backendDeviceNode, osdData, osdJournal, host, crushWeight,
                primaryAffinity, pgStates, upFrom, heartbeatBackAddr, heartbeatFrontAddr);
    }
}
