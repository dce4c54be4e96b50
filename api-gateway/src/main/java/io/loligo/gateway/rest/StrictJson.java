package io.loligo.gateway.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How the gateway reads JSON, whatever the endpoint: a key given twice is refused rather than the last one quietly
 * winning (a body that says two things changes nothing), and nesting stops far above any form's and any Ceph
 * output's that cluster-service passes on. Both refusals are parse errors, answered 400 naming the body.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    /** The deepest form, a CRUSH rule's steps, nests four levels; Ceph's outputs a dozen. */
    static final int MAX_NESTING = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }
}
