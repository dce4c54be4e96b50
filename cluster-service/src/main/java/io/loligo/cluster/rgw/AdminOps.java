package io.loligo.cluster.rgw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.DependencyFailed;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;
import io.loligo.contracts.refusal.Refusal;
import io.loligo.contracts.refusal.Unavailable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Calls to an RGW's Admin Ops API ({@code /admin/...}), signed with AWS Signature Version 4 by the AWS SDK's signer.
 * Every parameter goes in the query: RGW refuses a signed body (501), and needs {@code x-amz-content-sha256}, which
 * the signer sets. RGW checks neither the region nor the service name signed.
 */
@ApplicationScoped
public class AdminOps {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    RgwConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    InventoryQueries inventory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /** One Admin Ops call, such as {@code GET /admin/user?uid=bob}. */
    public record Call(SdkHttpMethod method, String resource, Map<String, String> query) {
        public static Call get(String resource, Map<String, String> query) {
            return new Call(SdkHttpMethod.GET, resource, query);
        }

        @Override
        public String toString() {
            return method + " /admin/" + resource + " " + query.keySet();
        }
    }

    /** Whether Loligo was given an RGW to manage for this cluster. */
    public boolean manages(String fsid) {
        return config.url().isPresent() && config.accessKey().isPresent() && config.secretKey().isPresent()
                && config.fsid().map(fsid::equals).orElse(true);
    }

    /**
     * @throws NotFound for a cluster Loligo does not know
     * @throws Unavailable saying what to configure, when Loligo was given no RGW for the cluster
     */
    public void requireManaged(String fsid) {
        inventory.requireCluster(fsid);
        if (!manages(fsid)) {
            throw new Unavailable("ObjectGatewayNotConfigured", "Loligo manages no object gateway for cluster " + fsid
                    + ": give cluster-service loligo.rgw.url and the keys LOLIGO_RGW_ACCESS_KEY and LOLIGO_RGW_SECRET_KEY");
        }
    }

    /** The access key Loligo signs with: the user that holds it must not be changed through Loligo. */
    public String ownAccessKey() {
        return config.accessKey().orElse("");
    }

    /**
     * @return RGW's answer, or a null node when it answered with no body
     * @throws Refusal RGW's refusal with its reason where the caller can act on it (NotFound, Conflict, InvalidInput),
     *                  DependencyFailed for others, Unavailable when Loligo has no RGW for the cluster or cannot reach it
     */
    public JsonNode call(String fsid, Call call) {
        requireManaged(fsid);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(call.method()).uri(config.url().get())
                .encodedPath("/admin/" + call.resource());
        unsigned.putRawQueryParameter("format", "json");
        call.query().forEach(unsigned::putRawQueryParameter);
        SdkHttpRequest signed = SIGNER.sign(request -> request
                .identity(AwsCredentialsIdentity.create(config.accessKey().get(), config.secretKey().get()))
                .request(unsigned.build())
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri()).timeout(config.timeout())
                .method(call.method().name(), HttpRequest.BodyPublishers.noBody());
        // the HTTP client sets Host itself, from the same URI
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable("ObjectGatewayUnreachable", "the object gateway at " + config.url().get() + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("ObjectGatewayUnreachable", "interrupted while waiting for the object gateway");
        }
        Log.debugf("%s: %d in %d ms", call, response.statusCode(), (System.nanoTime() - started) / 1_000_000);
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 == 2) {
            return body;
        }
        throw refusal(call, response.statusCode(), body.path("Code").asText("HTTP" + response.statusCode()));
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            // RGW answers its errors in JSON when asked for JSON; anything else is not worth more than its status
            return NullNode.getInstance();
        }
    }

    /** RGW's status where the caller can act on it; Loligo's own key refused, or RGW failing, is a gateway's failure. */
    private static Refusal refusal(Call call, int status, String code) {
        String detail = "the object gateway refused " + call + ": " + code;
        return switch (status) {
            case 400 -> new InvalidInput(code, detail);
            // RGW's NoSuchUser, NoSuchBucket, NoSuchKey: named as every missing thing is
            case 404 -> new NotFound(code.startsWith("NoSuch") ? code.substring("NoSuch".length()) : code, detail);
            case 409 -> new Conflict(code, detail);
            case 403 -> new DependencyFailed("ObjectGatewayDeniedLoligo", detail
                    + "; Loligo's RGW user needs the caps users=*;buckets=*;metadata=*;usage=*;zone=*");
            default -> new DependencyFailed("ObjectGatewayFailed", detail + " (HTTP " + status + ")");
        };
    }
}
