package io.loligo.gateway.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OpenAPI document per API version, each holding its version's paths and the schemas they use: Loligo's own at
 * {@code /q/openapi}, Calamari's at {@code /q/openapi-v1} and {@code /q/openapi-v2} (with graphite-web's API, which
 * Calamari served beside them). Every document is scanned from every endpoint; each keeps what is its own. Each
 * filter names {@link OASFilter} itself: Quarkus finds filters by the interfaces a class declares, not inherits.
 */
public abstract class ApiDocuments implements OASFilter {

    private final List<String> prefixes;

    ApiDocuments(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    @OpenApiFilter(documentNames = OpenApiFilter.DEFAULT_DOCUMENT_NAME)
    public static class Loligo extends ApiDocuments implements OASFilter {
        public Loligo() {
            super(ApiPaths.V3 + "/");
        }
    }

    @OpenApiFilter(documentNames = "v1")
    public static class CalamariV1 extends ApiDocuments implements OASFilter {
        public CalamariV1() {
            super(ApiPaths.CALAMARI_V1, ApiPaths.GRAPHITE + "/");
        }
    }

    @OpenApiFilter(documentNames = "v2")
    public static class CalamariV2 extends ApiDocuments implements OASFilter {
        public CalamariV2() {
            super(ApiPaths.CALAMARI_V2, ApiPaths.GRAPHITE + "/");
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        Paths paths = document.getPaths();
        if (paths != null && paths.getPathItems() != null) {
            for (String path : Set.copyOf(paths.getPathItems().keySet())) {
                if (prefixes.stream().noneMatch(path::startsWith)) {
                    paths.removePathItem(path);
                }
            }
        }
        if (document.getComponents() != null && document.getComponents().getSchemas() != null) {
            Set<String> used = usedSchemas(document);
            for (String schema : Set.copyOf(document.getComponents().getSchemas().keySet())) {
                if (!used.contains(schema)) {
                    document.getComponents().removeSchema(schema);
                }
            }
        }
    }

    /** The schemas the remaining paths refer to, and those they refer to in turn. */
    private static Set<String> usedSchemas(OpenAPI document) {
        Deque<Schema> pending = new ArrayDeque<>();
        for (PathItem item : document.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> add(pending, parameter.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    addContent(pending, operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> addContent(pending, response.getContent()));
                }
            }
        }
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        Set<String> used = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (used.add(name)) {
                    add(pending, schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(property -> add(pending, property));
            }
            add(pending, schema.getItems());
            add(pending, schema.getAdditionalPropertiesSchema());
            for (List<Schema> composed : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (composed != null) {
                    composed.forEach(part -> add(pending, part));
                }
            }
        }
        return used;
    }

    private static void addContent(Deque<Schema> pending, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> add(pending, media.getSchema()));
        }
    }

    private static void add(Deque<Schema> pending, Schema schema) {
        if (schema != null) {
            pending.push(schema);
        }
    }
}
