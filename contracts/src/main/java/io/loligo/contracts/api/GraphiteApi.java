package io.loligo.contracts.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Graphite's render and find, as graphite-web serves them, for the paths Calamari graphed. */
@Produces(MediaType.APPLICATION_JSON)
public interface GraphiteApi {

    /**
     * @param targets paths such as {@code servers.<host>.cpu.total.user}, or {@code sumSeries}, {@code scale} and
     *                {@code alias} of them; {@code *} in a segment stands for any value
     * @param from {@code -1d} unless given; Graphite's relative forms ({@code -12hour}, {@code -10min}), now, or epoch seconds
     * @param format {@code json}, or Calamari's {@code json-array}
     */
    @KeptBriefly
    @GET
    @Path("/render")
    byte[] render(@QueryParam("target") List<String> targets, @QueryParam("from") String from, @QueryParam("until") String until,
                  @QueryParam("format") String format, @QueryParam("maxDataPoints") String maxDataPoints);

    /** The nodes one level below a path ending in a glob, such as {@code ceph.cluster.<fsid>.pool.*}. */
    @KeptBriefly
    @GET
    @Path("/metrics/find")
    byte[] find(@QueryParam("query") String query);
}
