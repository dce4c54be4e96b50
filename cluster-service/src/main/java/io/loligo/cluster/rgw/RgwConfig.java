package io.loligo.cluster.rgw;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The object gateway Loligo manages, through its Admin Ops API, and the keys it signs with: an RGW user's with the
 * caps {@code users=*;buckets=*;metadata=*;usage=*;zone=*}. The keys come from the environment
 * ({@code LOLIGO_RGW_ACCESS_KEY}, {@code LOLIGO_RGW_SECRET_KEY}: a Kubernetes Secret), never from a file in the image.
 */
@ConfigMapping(prefix = "loligo.rgw")
public interface RgwConfig {
    /** Where any of the zone's RGWs answers, such as {@code http://rgw.ceph:8080}. */
    Optional<URI> url();

    Optional<String> accessKey();

    Optional<String> secretKey();

    /** The cluster the RGW belongs to; needed only when Loligo watches more than one. */
    Optional<String> fsid();

    /** How long one call may take: a bucket's removal with its objects takes RGW as long as the objects take. */
    @WithDefault("120s")
    Duration timeout();
}
