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
 * @param stream the cluster-service instance that sent it, which counts its updates from its start
 * @param position how many updates that instance had published with this one; a ping carries the count so far.
 *                 Its internal API answers {@value #POSITION_HEADER} with the count too, so that a reader knows
 *                 whether it has heard of every change the answer may show
 */
public record LiveUpdate(@JsonProperty("type") String type, @JsonProperty("fsid") String fsid,
                         @JsonProperty("data") JsonNode data, @JsonProperty("stream") String stream,
                         @JsonProperty("position") long position) {
    /** On each answer of cluster-service's internal API: {@code <stream>:<position>} when the answer was made. */
    public static final String POSITION_HEADER = "Loligo-Stream-Position";
    public static final String EVENT = "event";
    public static final String REQUEST = "request";
    public static final String HEALTH = "health";
    public static final String SYNC = "sync";
    public static final String ALERT = "alert";
    public static final String PING = "ping";
}
