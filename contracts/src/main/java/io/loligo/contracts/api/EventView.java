package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;

/**
 * An event in Calamari's shape {@code {when, severity, message}}, plus what it concerns.
 *
 * @param severity CRITICAL, ERROR, WARNING, RECOVERY or INFO
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(
        @JsonProperty("id") long id,
        @JsonProperty("when") OffsetDateTime when,
        @JsonProperty("severity") String severity,
        @JsonProperty("message") String message,
        @JsonProperty("fsid") String fsid,
        @JsonProperty("fqdn") String fqdn,
        @JsonProperty("service_type") String serviceType,
        @JsonProperty("service_id") String serviceId) {
}
