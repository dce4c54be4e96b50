package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Calamari's API as its own sources declare it ({@code calamari/routes.json} and {@code calamari/serializers.json},
 * recorded from ceph/calamari): which routes exist, what each answers, and whether an answer has every field of its
 * serializer with the field's type. It also keeps count of the routes a test called, so that a test can tell which
 * it never reached.
 */
final class CalamariContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One method of one route, as Calamari's URL configuration had it. */
    record Route(String version, String method, Pattern regex, String serializer, String shape, int status) {
        String name() {
            String pattern = regex.pattern();
            return method + " /api/" + version + "/" + pattern.substring(1, pattern.endsWith("$") ? pattern.length() - 1 : pattern.length());
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final JsonNode serializers;
    private final Set<Route> called = new LinkedHashSet<>();

    CalamariContract() {
        JsonNode declared = read("calamari/routes.json");
        for (JsonNode route : declared.path("routes")) {
            routes.add(new Route(route.path("v").asText(), route.path("method").asText(), Pattern.compile(route.path("regex").asText()),
                    route.path("serializer").asText(null), route.path("shape").asText(), route.path("status").asInt(200)));
        }
        serializers = read("calamari/serializers.json");
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The route Calamari would have dispatched the call to, as Django tried its patterns: in order, first match. */
    Optional<Route> route(String version, String method, String relativePath) {
        return routes.stream().filter(route -> route.version().equals(version) && route.method().equals(method)
                && route.regex().matcher(relativePath).find()).findFirst();
    }

    synchronized void called(Route route) {
        called.add(route);
    }

    synchronized List<String> neverCalled() {
        return routes.stream().filter(route -> !called.contains(route)).map(Route::name).toList();
    }

    /**
     * What is missing from, or of another type in, an answer, against what Calamari's serializer wrote.
     *
     * @return one line per field at fault, named by its path ({@code results[0].state}); empty when the answer fits
     */
    List<String> mismatches(Route route, JsonNode answer) {
        List<String> faults = new ArrayList<>();
        switch (route.shape()) {
            case "object" -> {
                if (route.serializer() != null) {
                    check(route.serializer(), answer, "", faults);
                } else if (!answer.isObject()) {
                    faults.add("the answer is not an object");
                }
            }
            case "list" -> {
                if (!answer.isArray()) {
                    faults.add("the answer is not a list");
                } else {
                    for (int i = 0; i < answer.size(); i++) {
                        check(route.serializer(), answer.get(i), "[" + i + "]", faults);
                    }
                }
            }
            case "string" -> {
                if (!answer.isTextual()) {
                    faults.add("the answer is not a JSON string");
                }
            }
            case "none" -> {
                if (answer != null && !answer.isMissingNode()) {
                    faults.add("the answer has a body");
                }
            }
            default -> faults.add("unknown shape " + route.shape());
        }
        return faults;
    }

    /** Checks a value against a type or a serializer of serializers.json. */
    void check(String type, JsonNode value, String path, List<String> faults) {
        boolean nullable = type.endsWith("?");
        String bare = nullable ? type.substring(0, type.length() - 1) : type;
        if (value == null || value.isMissingNode()) {
            faults.add(path + ": missing");
            return;
        }
        if (value.isNull()) {
            if (!nullable) {
                faults.add(path + ": null, where Calamari wrote " + bare);
            }
            return;
        }
        if (bare.startsWith("list<")) {
            if (!value.isArray()) {
                faults.add(path + ": not a list");
                return;
            }
            String element = bare.substring("list<".length(), bare.length() - 1);
            for (int i = 0; i < value.size(); i++) {
                check(element, value.get(i), path + "[" + i + "]", faults);
            }
            return;
        }
        boolean fits = switch (bare) {
            case "int" -> value.isIntegralNumber();
            case "float" -> value.isNumber();
            case "bool" -> value.isBoolean();
            case "str" -> value.isTextual();
            case "datetime" -> value.isTextual() && isTime(value.asText());
            case "list" -> value.isArray();
            case "object" -> value.isObject();
            case "any" -> true;
            default -> {
                JsonNode fields = serializers.get(bare);
                if (fields == null) {
                    throw new IllegalStateException("no serializer " + bare + " in serializers.json");
                }
                if (!value.isObject()) {
                    yield false;
                }
                for (Iterator<Map.Entry<String, JsonNode>> declared = fields.fields(); declared.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = declared.next();
                    check(field.getValue().asText(), value.get(field.getKey()), path + "." + field.getKey(), faults);
                }
                yield true;
            }
        };
        if (!fits) {
            faults.add(path + ": " + value + " is not " + bare);
        }
    }

    private static boolean isTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException notATime) {
            return false;
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CalamariContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
