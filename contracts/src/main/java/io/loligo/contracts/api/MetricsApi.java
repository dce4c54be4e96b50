package io.loligo.contracts.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Time series. Times ({@code from}, {@code until}) are epoch seconds, ISO-8601 instants, or relative to now
 * ({@code -1h}, {@code -7d}, {@code now}); a resolution is seconds or {@code 10s}, {@code 5m}, {@code 1h}, or
 * {@code auto}. The answers are JSON written by metrics-service, which the gateway passes on untouched.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface MetricsApi {

    /** Every measurement with its tags, fields and kind (gauge or counter). */
    @KeptBriefly
    @GET
    @Path("/metrics/catalog")
    byte[] metricCatalog();

    /** The series that exist, as measurement and tags; {@code tag} is {@code key:value}, repeatable. */
    @KeptBriefly
    @GET
    @Path("/metrics/series")
    byte[] metricSeries(@QueryParam("measurement") String measurement, @QueryParam("tag") List<String> tags);

    /**
     * Values over a time range: one series per field and tag combination.
     *
     * @param aggregate how the points in one step combine: mean (the default), max, min or sum
     * @param rate {@code true} for the per-second rate of a counter
     */
    @KeptBriefly
    @GET
    @Path("/metrics/values")
    byte[] metricValues(@QueryParam("measurement") String measurement, @QueryParam("field") List<String> fields,
                        @QueryParam("tag") List<String> tags, @QueryParam("from") String from, @QueryParam("until") String until,
                        @QueryParam("resolution") String resolution, @QueryParam("aggregate") String aggregate,
                        @QueryParam("rate") String rate);

    /** The graphs of a cluster: {@code iops}, {@code throughput}, {@code capacity}, {@code objects}, {@code pgs}. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/metrics/{graph}")
    byte[] clusterGraph(@PathParam("fsid") String fsid, @PathParam("graph") String graph, @QueryParam("from") String from,
                        @QueryParam("until") String until, @QueryParam("resolution") String resolution);

    /** The graphs of a pool: {@code iops}, {@code throughput}, {@code usage}. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool/{pool}/metrics/{graph}")
    byte[] poolGraph(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("graph") String graph,
                     @QueryParam("from") String from, @QueryParam("until") String until, @QueryParam("resolution") String resolution);

    /** The graphs of an OSD: {@code latency}, {@code utilization}. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/osd/{osd}/metrics/{graph}")
    byte[] osdGraph(@PathParam("fsid") String fsid, @PathParam("osd") String osd, @PathParam("graph") String graph,
                    @QueryParam("from") String from, @QueryParam("until") String until, @QueryParam("resolution") String resolution);

    /** The graphs of a host: {@code cpu}, {@code memory}, {@code load}, {@code disk}, {@code network}, {@code filesystem}. */
    @KeptBriefly
    @GET
    @Path("/server/{fqdn}/metrics/{graph}")
    byte[] serverGraph(@PathParam("fqdn") String fqdn, @PathParam("graph") String graph, @QueryParam("from") String from,
                       @QueryParam("until") String until, @QueryParam("resolution") String resolution);
}
