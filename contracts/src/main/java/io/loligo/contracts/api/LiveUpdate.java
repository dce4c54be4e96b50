package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change pushed to live clients over server-sent events, as it is committed.
 *
 * @param type {@value #EVENT} (an {@link EventView}), {@value #REQUEST} (a {@link RequestView}, at each step),
 *             {@value #HEALTH} ({@code {status, previous, checks}}, when either changes), {@value #SYNC} (a cluster's
 *             synchronised data moved: {@code {type, version}} of a new map, as Calamari names it in
 *             {@code sync_object}, or {@code {type: "osd_placement"}} when an OSD moved to another server), or
 *             {@value #PING}, sent while nothing else is, so that clients and proxies see the stream alive
 * @param fsid the cluster it concerns; null for a server's event outside any cluster, and for pings
 */
public record LiveUpdate(@JsonProperty("type") String type, @JsonProperty("fsid") String fsid,
                         @JsonProperty("data") JsonNode data) {
    public static final String EVENT = "event";
    public static final String REQUEST = "request";
    public static final String HEALTH = "health";
    public static final String SYNC = "sync";
    public static final String PING = "ping";
}
