package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every GET operation the gateway's OpenAPI documents list (Loligo's v3, Calamari's v1 and v2), and values for their
 * path parameters read from the live cluster through the API itself: the first of the list one level up where there
 * is one, otherwise the first of the choices the API names when asked for a value it does not have.
 */
final class ApiSamples {
    private static final List<String> DOCUMENTS = List.of("/q/openapi", "/q/openapi-v2", "/q/openapi-v1");
    /** Not reads: the live stream never ends, and Calamari's logout by GET ends the session it is asked with. */
    private static final Set<String> NOT_READS = Set.of("/api/v3/stream", "/api/v1/auth/logout{slash}", "/api/v2/auth/logout{slash}");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** How the API names the values it has: "there are [a, b]", "must be one of [a, b]", "known: a, b". */
    private static final Pattern CHOICES = Pattern.compile("(?:\\[|known: )([^\\],;]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String gateway;
    private final String token;
    private final String fsid;
    private final Map<String, String> listed = new HashMap<>();

    ApiSamples(String gateway, String token, String fsid) {
        this.gateway = gateway;
        this.token = token;
        this.fsid = fsid;
    }

    /** The template with each parameter filled left to right, and any query the operation cannot do without. */
    String url(String template) throws IOException, InterruptedException {
        StringBuilder filled = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int from = 0;
        while (parameter.find()) {
            filled.append(template, from, parameter.start());
            filled.append(value(filled.toString(), parameter.group(1), template.substring(parameter.end())));
            from = parameter.end();
        }
        filled.append(template.substring(from));
        String path = filled.toString();
        // Graphite's own errors name no choices: its tree is walked instead
        if (path.equals("/graphite/render")) {
            return gateway + path + "?format=json&target=" + URLEncoder.encode(graphiteLeaf(), StandardCharsets.UTF_8);
        }
        if (path.equals("/graphite/metrics/find")) {
            return gateway + path + "?query=*";
        }
        HttpResponse<String> answer = get(path);
        if (answer.statusCode() == 400) {
            // a query parameter without which there is no answer: the API names its choices
            JsonNode error = JSON.readTree(answer.body()).path("errors").path(0);
            return gateway + path + "?" + error.path("field").asText() + "=" + firstChoice(error.path("message").asText(), path);
        }
        return gateway + path;
    }

    /** Whether the answer, asked again with its tag, is a bodiless 304. */
    boolean notModified(String url, String etag) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 304 && answer.body().isEmpty();
    }

    /** The caller's tag for an answer it already has. */
    Optional<String> etag(String url) throws IOException, InterruptedException {
        return http.send(request(url), HttpResponse.BodyHandlers.ofString()).headers().firstValue("ETag");
    }

    private String value(String prefix, String name, String rest) throws IOException, InterruptedException {
        if (name.equals("fsid")) {
            return fsid;
        }
        if (name.startsWith("slash")) {
            return "";
        }
        // the same parameter may take another value where the template goes deeper below it
        int parameter = rest.indexOf('{');
        String deeper = parameter < 1 ? null : rest.substring(0, rest.lastIndexOf('/', parameter));
        String key = prefix + "\n" + name + "\n" + deeper;
        if (!listed.containsKey(key)) {
            listed.put(key, listedOrNamed(prefix, name, rest, deeper));
        }
        return listed.get(key);
    }

    /**
     * The first of the list one level up that has a list at {@code deeper} below it, where the template goes deeper (the
     * first pool may hold no image); where there is no list, the first choice the API names for a value it lacks.
     */
    private String listedOrNamed(String prefix, String name, String rest, String deeper) throws IOException, InterruptedException {
        HttpResponse<String> list = get(prefix.substring(0, prefix.length() - 1));
        if (list.statusCode() == 200) {
            String first = null;
            for (JsonNode item : itemsOf(JSON.readTree(list.body()))) {
                String value = valueOf(item, name);
                if (value != null && (deeper == null || hasItems(prefix + value + deeper))) {
                    return value;
                }
                first = first == null ? value : first;
            }
            if (first != null) {
                return first;
            }
        }
        String probe = prefix + "_" + PARAMETER.matcher(rest).replaceAll("_");
        String detail = JSON.readTree(get(probe).body()).path("detail").asText();
        // Calamari's faces answer as Calamari did, without the choices: v3 names them for the same path
        if (!CHOICES.matcher(detail).find() && probe.matches("/api/v[12]/.*")) {
            detail = JSON.readTree(get(probe.replaceFirst("^/api/v[12]/", "/api/v3/")).body()).path("detail").asText();
        }
        return firstChoice(detail, probe);
    }

    private boolean hasItems(String listPath) throws IOException, InterruptedException {
        HttpResponse<String> list = get(listPath);
        return list.statusCode() == 200 && !itemsOf(JSON.readTree(list.body())).isEmpty();
    }

    private static String valueOf(JsonNode item, String name) {
        if (item.isValueNode()) {
            return item.asText();
        }
        for (String field : List.of(name, "id", "name", "fqdn", "key")) {
            if (item.hasNonNull(field)) {
                return item.get(field).asText();
            }
        }
        return null;
    }

    private static List<JsonNode> itemsOf(JsonNode answer) {
        if (answer.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            answer.forEach(items::add);
            return items;
        }
        for (String items : List.of("results", "osds")) {
            if (answer.path(items).isArray() && !answer.path(items).isEmpty()) {
                return itemsOf(answer.path(items));
            }
        }
        return List.of();
    }

    private static String firstChoice(String message, String what) {
        Matcher choices = CHOICES.matcher(message);
        if (!choices.find()) {
            throw new IllegalStateException("no value to fill in " + what + ": '" + message + "'");
        }
        return choices.group(1).strip();
    }

    /** A metric Graphite has: down the tree from its root to the first leaf. */
    private String graphiteLeaf() throws IOException, InterruptedException {
        String query = "*";
        for (int depth = 0; depth < 12; depth++) {
            JsonNode nodes = JSON.readTree(get("/graphite/metrics/find?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).body());
            if (nodes.isEmpty()) {
                break;
            }
            JsonNode first = nodes.get(0);
            if (first.path("leaf").asInt() == 1) {
                return first.path("id").asText();
            }
            query = first.path("id").asText() + ".*";
        }
        throw new IllegalStateException("Graphite's tree has no leaf");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(gateway + path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    }

    /** The GET paths of every document, each once, in the documents' order. */
    static List<String> getPaths(String gateway) throws IOException, InterruptedException {
        Set<String> paths = new LinkedHashSet<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String document : DOCUMENTS) {
            String body = http.send(HttpRequest.newBuilder(URI.create(gateway + document + "?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JSON.readTree(body).path("paths").fields().forEachRemaining(path -> {
                if (path.getValue().has("get") && !NOT_READS.contains(path.getKey())) {
                    paths.add(path.getKey());
                }
            });
        }
        return List.copyOf(paths);
    }
}
