package io.loligo.contracts.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.loligo.contracts.refusal.InvalidInput;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.stream.Collectors;

/**
 * A request body that is not JSON, or not JSON of the expected shape, as a 400 problem naming where it went wrong:
 * the field's path when the parser knows it, {@code body} when it does not.
 */
public final class JsonInputProblems {
    private JsonInputProblems() {
    }

    static Response respond(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining("."));
        }
        String message = e.getOriginalMessage() == null ? "is not valid JSON" : "is not valid: " + e.getOriginalMessage();
        return RefusalMapper.respond(InvalidInput.of(field, message));
    }

    /** Any JSON the body reader could not read. */
    @Provider
    public static class Unreadable implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return respond(e);
        }
    }

    /** JSON of the wrong shape; the REST layer's own mapper for it would answer without a body. */
    @Provider
    public static class Mismatched implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return respond(e);
        }
    }
}
