package io.loligo.gateway.kept;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.kept.Keeper;
import io.loligo.contracts.kept.KeptAnswers;
import io.loligo.gateway.rest.HttpMethods;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Flow;

/**
 * Every successful GET of the API answers an {@code ETag} made from the bytes it sends, and a {@code 304} without
 * them when the caller's {@code If-None-Match} names it: a poller that finds nothing changed downloads nothing.
 * {@code Cache-Control: private, no-cache} lets a browser keep the answer but ask again each time, so the console
 * revalidates without code of its own. An answer of a {@link io.loligo.contracts.api.KeptUntilChanged} read that
 * carries a {@link Keeper#TICKET} is kept here, as the bytes sent and their tag. A change accepted through
 * this gateway forgets everything kept: its caller reads what it changed at once, before the stream says so.
 * <p>
 * The tag is the answer's digest, not a version counter: it is the same from every gateway replica and after a
 * restart, and a map that moved without changing this answer leaves it valid.
 */
@Provider
public class ConditionalReads implements ContainerResponseFilter {
    static final String CACHE_CONTROL = "private, no-cache";

    @Inject
    KeptReads reads;
    @Inject
    ObjectMapper json;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethods.isSafe(request.getMethod())) {
            if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
                reads.changedHere();
            }
            return;
        }
        KeptAnswers.Ticket ticket = request.getProperty(Keeper.TICKET) instanceof KeptAnswers.Ticket taken ? taken : null;
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != Response.Status.OK.getStatusCode()) {
            abandon(ticket);
            return;
        }
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (etag == null) {
            Object entity = response.getEntity();
            // an endpoint that builds its own Response names no type until it is written: the API's answers are JSON
            MediaType type = response.getMediaType() != null || entity instanceof byte[] || entity instanceof String
                    ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
            byte[] body = bytes(entity, type);
            if (body == null) {
                // a stream, or a type this filter does not write: it goes out as it is, untagged
                abandon(ticket);
                return;
            }
            etag = tagOf(body);
            response.setEntity(body, response.getEntityAnnotations(), type);
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
            if (type == null) {
                abandon(ticket);
            } else if (ticket != null) {
                reads.keep(ticket, new KeptAnswers.Representation(body, type.toString(), etag));
            }
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    private void abandon(KeptAnswers.Ticket ticket) {
        if (ticket != null) {
            reads.abandon(ticket);
        }
    }

    private byte[] bytes(Object entity, MediaType type) {
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        byte[] passedOn = UpstreamAnswers.bytesOf(entity);
        if (passedOn != null) {
            return passedOn;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (entity == null || entity instanceof Flow.Publisher<?> || type == null
                || !(MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.getSubtype().endsWith("+json"))) {
            return null;
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A strong tag: the first 128 bits of the answer's SHA-256. */
    static String tagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code If-None-Match} compares weakly: a tag listed with or without {@code W/}, or {@code *}, matches. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String listed : ifNoneMatch.split(",")) {
            String tag = listed.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
