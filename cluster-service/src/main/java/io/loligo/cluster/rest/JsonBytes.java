package io.loligo.cluster.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes the responses that the gateway passes on as bytes, with the service's own JSON settings. */
@ApplicationScoped
public class JsonBytes {
    @Inject
    ObjectMapper mapper;

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
