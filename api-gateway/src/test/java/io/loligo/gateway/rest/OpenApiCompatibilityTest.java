package io.loligo.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = """
            {"paths": {"/api/v3/pool/{id}": {"get": {
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pool"}}}}}}}},
             "components": {"schemas": {"Pool": {"type": "object", "properties": {
                "id": {"type": "integer", "format": "int32"}, "name": {"type": "string"},
                "application": {"type": "array", "items": {"type": "string"}}}}}}}
            """;

    @Test
    void additions_break_nothing() throws Exception {
        JsonNode newer = JSON.readTree(DOCUMENT.replace("\"name\": {\"type\": \"string\"}",
                "\"name\": {\"type\": \"string\"}, \"size\": {\"type\": \"integer\"}"));
        ((ObjectNode) newer.path("paths")).putObject("/api/v3/osd").putObject("get");
        assertThat(OpenApiCompatibility.breaks(JSON.readTree(DOCUMENT), newer)).isEmpty();
    }

    @Test
    void a_removed_operation_field_or_schema_breaks_clients() throws Exception {
        JsonNode older = JSON.readTree(DOCUMENT);
        assertThat(OpenApiCompatibility.breaks(older, JSON.readTree(DOCUMENT.replace("\"get\"", "\"post\""))))
                .containsExactly("GET /api/v3/pool/{id}: removed");
        assertThat(OpenApiCompatibility.breaks(older, JSON.readTree(DOCUMENT.replace("\"name\": {\"type\": \"string\"},", ""))))
                .containsExactly("schema Pool.name: removed");
        assertThat(OpenApiCompatibility.breaks(older, JSON.readTree(DOCUMENT.replace("\"Pool\"", "\"PoolView\""))))
                .contains("schema Pool: removed");
    }

    @Test
    void a_changed_type_breaks_clients() throws Exception {
        JsonNode older = JSON.readTree(DOCUMENT);
        assertThat(OpenApiCompatibility.breaks(older, JSON.readTree(DOCUMENT.replace(
                "\"id\": {\"type\": \"integer\", \"format\": \"int32\"}", "\"id\": {\"type\": \"string\"}"))))
                .containsExactly("schema Pool.id: was integer(int32), now string");
        assertThat(OpenApiCompatibility.breaks(older, JSON.readTree(DOCUMENT.replace(
                "\"items\": {\"type\": \"string\"}", "\"items\": {\"type\": \"integer\"}"))))
                .containsExactly("schema Pool.application: was array of string, now array of integer");
    }

    @Test
    void a_new_required_parameter_breaks_clients() throws Exception {
        JsonNode newer = JSON.readTree(DOCUMENT.replace("\"parameters\": [", """
                "parameters": [{"name": "pool_type", "in": "query", "required": true, "schema": {"type": "string"}},"""));
        assertThat(OpenApiCompatibility.breaks(JSON.readTree(DOCUMENT), newer))
                .containsExactly("GET /api/v3/pool/{id}: new required parameter query pool_type");
    }
}
