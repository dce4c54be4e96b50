package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A server in Calamari's v2 shape, plus what Loligo adds: {@code late} (it missed three heartbeat periods),
 * {@code os} and the heartbeat period. The address fields exist for Calamari's clients; they stay null
 * until cluster-service reads the OSD and mon maps.
 */
public record ServerView(
        @JsonProperty("fqdn") String fqdn,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("managed") boolean managed,
        @JsonProperty("last_contact") OffsetDateTime lastContact,
        @JsonProperty("boot_time") OffsetDateTime bootTime,
        @JsonProperty("ceph_version") String cephVersion,
        @JsonProperty("services") List<ServiceView> services,
        @JsonProperty("frontend_addr") String frontendAddr,
        @JsonProperty("backend_addr") String backendAddr,
        @JsonProperty("frontend_iface") String frontendIface,
        @JsonProperty("backend_iface") String backendIface,
        @JsonProperty("late") boolean late,
        @JsonProperty("os") String os,
        @JsonProperty("heartbeat_period") int heartbeatPeriod) {
}
