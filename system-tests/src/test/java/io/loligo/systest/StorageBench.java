package io.loligo.systest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Large listings paged through the gateway, 100 at a time, as a console or a script pages through them: a pool of
 * 10,000 RBD images with sizes and used bytes, an RGW with 1,000 buckets with their usage, and a CephFS volume with
 * 1,000 subvolumes with their quotas. Creates them itself (through librbd's, boto3's and librados' Python bindings:
 * the rbd tool, s3cmd or the ceph tool would start a process apiece), waits until
 * Loligo lists every one, then measures with wrk at 16 connections: every page in every ordering and some searches,
 * rotated; and each request a URL never asked before, so that no answer kept by the gateway is ever reused; each
 * measured after warming up until its throughput is steady, as {@link GatewayBench} does. Prints each figure and
 * asserts none; run with {@code ./dev/loligo bench storage}, {@code -Dimages=}, {@code -Dbuckets=}
 * and {@code -Dsubvolumes=} to change the counts.
 */
class StorageBench {
    private static final int IMAGES = Integer.getInteger("images", 10_000);
    private static final int BUCKETS = Integer.getInteger("buckets", 1_000);
    private static final int SUBVOLUMES = Integer.getInteger("subvolumes", 1_000);
    private static final int PAGE_SIZE = 100;
    private static final List<String> ORDERINGS = List.of("name", "-name", "size", "-size", "used_bytes", "-used_bytes",
            "snapshot_count", "-snapshot_count", "watchers", "created_at", "-created_at");
    private static final List<String> BUCKET_ORDERINGS = List.of("name", "-name", "owner", "objects", "-objects", "size_bytes",
            "-size_bytes", "created_at", "-created_at");
    /** Each bucket with one object of a size its own, so that orderings by size and count have something to order. */
    private static final String CREATE_BUCKETS = """
            import boto3, sys
            s3 = boto3.client('s3', endpoint_url=sys.argv[1], aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3],
                              region_name='default')
            for i in range(int(sys.argv[4])):
                name = 'bench-bucket-%05d' % i
                s3.create_bucket(Bucket=name)
                s3.put_object(Bucket=name, Key='object', Body=b'x' * (i + 1))
            """;
    private static final List<String> SUBVOLUME_ORDERINGS = List.of("name", "-name", "bytes_quota", "-bytes_quota", "bytes_used",
            "created_at", "-created_at");
    /** A group of subvolumes with quotas of 1 to 10 GiB, made (create) or removed (rm) through the mgr's volumes module. */
    private static final String SUBVOLUMES_IN_GROUP = """
            import json, rados, sys
            cluster = rados.Rados(conffile=sys.argv[1])
            cluster.connect()
            def run(prefix, **arguments):
                code, _, status = cluster.mon_command(json.dumps(dict(prefix=prefix, vol_name='cephfs', format='json', **arguments)), b'')
                if code != 0:
                    sys.exit(prefix + ': ' + status)
            action, group, count = sys.argv[2], sys.argv[3], int(sys.argv[4])
            if action == 'create':
                run('fs subvolumegroup create', group_name=group)
            for i in range(count):
                name = 'bench-subvolume-%04d' % i
                if action == 'create':
                    run('fs subvolume create', group_name=group, sub_name=name, size=(i % 10 + 1) << 30)
                else:
                    run('fs subvolume rm', group_name=group, sub_name=name)
            if action == 'rm':
                run('fs subvolumegroup rm', group_name=group)
            """;
    private static final String CREATE = """
            import rados, rbd, sys
            cluster = rados.Rados(conffile=sys.argv[1])
            cluster.connect()
            pool = cluster.open_ioctx(sys.argv[2])
            for i in range(int(sys.argv[3])):
                rbd.RBD().create(pool, 'image-%05d' % i, (i % 64 + 1) << 26)
            """;

    @Test
    void aPageOfALargePool() throws Exception {
        try (LocalPlatform platform = new LocalPlatform("StorageBench")) {
            platform.start();
            String fsid = platform.ceph("fsid");
            String token = platform.apiToken(platform.login(), "storage bench");
            String gateway = platform.gateway.url();
            String pool = "bench-rbd";
            platform.ceph("osd", "pool", "create", pool, "32");
            platform.ceph("osd", "pool", "application", "enable", pool, "rbd");
            try {
                long started = System.nanoTime();
                // Debian's interpreter, which has the bindings whatever python3 is first on the path
                LocalPlatform.run(List.of("/usr/bin/python3", "-c", CREATE, platform.cephConf.toString(), pool, String.valueOf(IMAGES)));
                System.out.printf(Locale.ROOT, "== storage: %d images created in %.0f s%n", IMAGES, (System.nanoTime() - started) / 1e9);
                int poolId = new ObjectMapper().readTree(platform.ceph("osd", "pool", "stats", pool, "--format", "json")).path(0)
                        .path("pool_id").asInt();
                String images = "/api/v3/cluster/" + fsid + "/pool/" + poolId + "/image";

                started = System.nanoTime();
                await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2)).until(() -> given().baseUri(gateway)
                        .auth().oauth2(token).get(images + "?page_size=1").then().statusCode(200).extract().jsonPath().getInt("count") == IMAGES);
                System.out.printf(Locale.ROOT, "== storage: every image described by the agent %.0f s after the first listing%n",
                        (System.nanoTime() - started) / 1e9);
                // the pages are measured as they are once the agent's background counting is done: images without used
                // bytes come last in either order, so the last page by used bytes holds the last to be counted
                String lastByUsedBytes = images + "?page_size=" + PAGE_SIZE + "&ordering=-used_bytes&page=" + (IMAGES + PAGE_SIZE - 1) / PAGE_SIZE;
                await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2)).until(() -> given().baseUri(gateway)
                        .auth().oauth2(token).get(lastByUsedBytes).then().statusCode(200).extract().jsonPath()
                        .getList("results.used_bytes").stream().allMatch(Objects::nonNull));
                System.out.printf(Locale.ROOT, "== storage: every image's used bytes counted %.0f s after the first listing%n",
                        (System.nanoTime() - started) / 1e9);

                measureListing("RBD image list of " + IMAGES, gateway, token, images, IMAGES, ORDERINGS, "image-");
            } finally {
                platform.ceph("osd", "pool", "delete", pool, pool, "--yes-i-really-really-mean-it");
            }
        }
    }

    @Test
    void aPageOfManyBuckets() throws Exception {
        try (LocalPlatform platform = new LocalPlatform("StorageBench")) {
            platform.start();
            String fsid = platform.ceph("fsid");
            String token = platform.apiToken(platform.login(), "storage bench");
            String gateway = platform.gateway.url();
            String owner = "bench-owner";
            String buckets = "/api/v3/cluster/" + fsid + "/rgw/bucket";
            await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(gateway).auth().oauth2(token).get(buckets).statusCode() == 200);
            var key = given().baseUri(gateway).auth().oauth2(token).contentType("application/json")
                    .body("{\"user_id\": \"" + owner + "\", \"display_name\": \"bench\", \"max_buckets\": 0}")
                    .post("/api/v3/cluster/" + fsid + "/rgw/user").then().statusCode(200).extract().jsonPath();
            try {
                long started = System.nanoTime();
                LocalPlatform.run(List.of("/usr/bin/python3", "-c", CREATE_BUCKETS, platform.rgwUrl(), key.getString("key.access_key"),
                        key.getString("key.secret_key"), String.valueOf(BUCKETS)));
                System.out.printf(Locale.ROOT, "== storage: %d buckets created with an object each in %.0f s%n", BUCKETS,
                        (System.nanoTime() - started) / 1e9);
                started = System.nanoTime();
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> given().baseUri(gateway)
                        .auth().oauth2(token).get(buckets + "?page_size=1&owner=" + owner).then().statusCode(200).extract().jsonPath()
                        .getInt("count") == BUCKETS);
                System.out.printf(Locale.ROOT, "== storage: every bucket listed %.1f s after the last was made%n", (System.nanoTime() - started) / 1e9);
                measureListing("RGW bucket list of " + BUCKETS, gateway, token, buckets, BUCKETS, BUCKET_ORDERINGS, "bench-bucket-00");
            } finally {
                platform.radosgwAdmin("user", "rm", "--uid", owner, "--purge-data");
            }
        }
    }

    @Test
    void aPageOfManySubvolumes() throws Exception {
        try (LocalPlatform platform = new LocalPlatform("StorageBench")) {
            platform.start();
            String fsid = platform.ceph("fsid");
            String token = platform.apiToken(platform.login(), "storage bench");
            String gateway = platform.gateway.url();
            String group = "bench-group";
            String subvolumes = "/api/v3/cluster/" + fsid + "/fs/cephfs/subvolume";
            String conf = platform.cephConf.toString();
            try {
                long started = System.nanoTime();
                LocalPlatform.run(List.of("/usr/bin/python3", "-c", SUBVOLUMES_IN_GROUP, conf, "create", group, String.valueOf(SUBVOLUMES)));
                System.out.printf(Locale.ROOT, "== storage: %d subvolumes created in %.0f s%n", SUBVOLUMES, (System.nanoTime() - started) / 1e9);
                started = System.nanoTime();
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> given().baseUri(gateway)
                        .auth().oauth2(token).get(subvolumes + "?page_size=1&group=" + group).then().statusCode(200).extract().jsonPath()
                        .getInt("count") == SUBVOLUMES);
                System.out.printf(Locale.ROOT, "== storage: every subvolume described %.1f s after the first listing%n",
                        (System.nanoTime() - started) / 1e9);
                measureListing("subvolume list of " + SUBVOLUMES, gateway, token, subvolumes, SUBVOLUMES, SUBVOLUME_ORDERINGS, "bench-subvolume-00");
            } finally {
                LocalPlatform.run(List.of("/usr/bin/python3", "-c", SUBVOLUMES_IN_GROUP, conf, "rm", group, String.valueOf(SUBVOLUMES)));
            }
        }
    }

    /** Every page of 100 in each ordering and 100 searches, rotated; then each request a URL never asked before. */
    private static void measureListing(String listing, String gateway, String token, String path, int count, List<String> orderings,
                                       String searchPrefix) throws Exception {
        List<String> rotated = new ArrayList<>();
        for (String ordering : orderings) {
            for (int page = 1; page <= (count + PAGE_SIZE - 1) / PAGE_SIZE; page++) {
                rotated.add(path + "?page_size=" + PAGE_SIZE + "&ordering=" + ordering + "&page=" + page);
            }
        }
        for (int i = 0; i < 100; i++) {
            rotated.add(path + "?page_size=" + PAGE_SIZE + "&search=" + searchPrefix + i);
        }
        measure(listing, "every page of 100 in " + orderings.size() + " orderings and 100 searches, rotated (" + rotated.size() + " URLs)",
                gateway, token, script(rotated, false));
        measure(listing, "each request a URL never asked before (page and ordering rotated)", gateway, token, script(rotated, true));
    }

    private static void measure(String listing, String what, String gateway, String token, Path script) throws Exception {
        // warmed up until its throughput is steady, as the gateway bench is: a few seconds left the compilers' work in the figures
        GatewayBench.Figures figures = GatewayBench.wrk(gateway, List.of("-H", "Authorization: Bearer " + token, "-s", script.toString()), 16, true);
        System.out.printf(Locale.ROOT, "== storage: %s, %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
                listing, what, figures.requestsPerSecond(), figures.p50Millis(), figures.p99Millis());
    }

    /** A wrk script that asks for the paths in turn; with {@code unique}, each with a query value no request had before. */
    private static Path script(List<String> paths, boolean unique) throws Exception {
        StringBuilder lua = new StringBuilder("paths = {\n");
        paths.forEach(path -> lua.append("  \"").append(path).append("\",\n"));
        lua.append("}\ncounter = 0\nrequest = function()\n  counter = counter + 1\n")
                .append("  local path = paths[(counter % #paths) + 1]\n")
                .append(unique ? "  path = path .. \"&_=\" .. counter\n" : "")
                .append("  return wrk.format(nil, path)\nend\n");
        Path file = Files.createTempFile("storage-bench", ".lua");
        Files.writeString(file, lua);
        file.toFile().deleteOnExit();
        return file;
    }
}
