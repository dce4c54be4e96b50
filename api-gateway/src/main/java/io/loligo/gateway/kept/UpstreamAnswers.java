package io.loligo.gateway.kept;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * How the gateway reads the JSON answers of cluster-service and metrics-service, for every call of its REST clients.
 * Each answer's bytes are remembered beside what they were read into, for the request in hand: a read that passes
 * the answer on unchanged is sent as those bytes ({@link ConditionalReads}), instead of being written as JSON again.
 * An answer asked for as bytes (the OSD list) is those bytes already, and is left alone. Answers are read without the
 * duplicate-key check callers' bodies get ({@code StrictJson}): they are our own services', and on pages of 100 RBD
 * images the check cost about as much as the rest of the reading. Registered on each REST client
 * ({@code @RegisterProvider}), never as a global provider, which would also read the callers' bodies this way.
 */
public class UpstreamAnswers implements ClientRequestFilter, ReaderInterceptor, ContextResolver<ObjectMapper> {
    /** The answer last read for the request in hand, in its Vert.x context. */
    private static final String LAST_READ = UpstreamAnswers.class.getName();
    /**
     * The Vert.x context of the request in hand, as a property of the call: the client reads the answer on an event
     * loop, in a context of its own.
     */
    private static final String CALLERS_CONTEXT = UpstreamAnswers.class.getName() + ".context";

    private record Read(Object entity, byte[] body) {
    }

    private final ObjectMapper upstreamJson = Arc.container().instance(ObjectMapper.class).get().copy()
            .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return upstreamJson;
    }

    @Override
    public void filter(ClientRequestContext call) {
        Context context = Vertx.currentContext();
        // a duplicated context is one request's own; the event loop's root context is every request's
        if (VertxContext.isDuplicatedContext(context)) {
            call.setProperty(CALLERS_CONTEXT, context);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext reading) throws IOException {
        if (!(reading.getProperty(CALLERS_CONTEXT) instanceof Context context) || reading.getType() == byte[].class
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(reading.getMediaType())) {
            return reading.proceed();
        }
        byte[] body = reading.getInputStream().readAllBytes();
        reading.setInputStream(new ByteArrayInputStream(body));
        Object entity = reading.proceed();
        context.putLocal(LAST_READ, new Read(entity, body));
        return entity;
    }

    /** @return the bytes {@code entity} was read from, if it is the answer last read for the request in hand */
    static byte[] bytesOf(Object entity) {
        Context context = Vertx.currentContext();
        if (!VertxContext.isDuplicatedContext(context) || entity == null
                || !(context.getLocal(LAST_READ) instanceof Read read) || read.entity() != entity) {
            return null;
        }
        context.removeLocal(LAST_READ);
        return read.body();
    }
}
