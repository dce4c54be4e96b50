package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Calamari's writable OSD fields, each optional: {@code in}, {@code up} (false only: Ceph marks OSDs up itself) and
 * {@code reweight}, plus {@code primary_affinity}.
 */
public record OsdPatch(
        @JsonProperty("in") Boolean in,
        @JsonProperty("up") Boolean up,
        @JsonProperty("reweight") Double reweight,
        @JsonProperty("primary_affinity") Double primaryAffinity) {
}
