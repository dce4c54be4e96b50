package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the words of a {@code ceph} command line into the JSON mon command they stand for, by the signatures the
 * monitors describe ({@code get_command_descriptions}), as the ceph CLI does. Pure.
 *
 * <p>Positional words fill a signature's parameters in order; {@code --name value}, {@code --name=value} and a bare
 * {@code --flag} for a boolean name them. {@code --format}/{@code -f} chooses the output format. Other CLI options
 * (another cluster, a keyring) do not apply here and are refused.
 */
public final class CliArguments {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A command line that names a command, as its prefix, its JSON and the permission Ceph requires for it. */
    public record Command(String prefix, ObjectNode json, String permission) {
    }

    /** A command line that names none, with why. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private record Signature(List<String> words, List<JsonNode> parameters, String permission) {
    }

    private final List<Signature> signatures;

    /** @param descriptions the reply to {@code get_command_descriptions} */
    public CliArguments(JsonNode descriptions) {
        List<Signature> found = new ArrayList<>();
        descriptions.forEach(description -> {
            List<String> words = new ArrayList<>();
            List<JsonNode> parameters = new ArrayList<>();
            description.path("sig").forEach(part -> {
                if (part.isTextual() && parameters.isEmpty()) {
                    words.add(part.asText());
                } else {
                    parameters.add(part);
                }
            });
            found.add(new Signature(words, parameters, description.path("perm").asText("rwx")));
        });
        // the longest literal prefix first, so that "osd pool get noautoscale" is tried before "osd pool get"
        found.sort(Comparator.comparingInt((Signature signature) -> signature.words().size()).reversed());
        this.signatures = List.copyOf(found);
    }

    public Command parse(List<String> commandLine) throws Invalid {
        List<String> words = new ArrayList<>();
        String format = null;
        for (int i = 0; i < commandLine.size(); i++) {
            String word = commandLine.get(i);
            if (word.equals("--format") || word.equals("-f")) {
                if (i + 1 == commandLine.size()) {
                    throw new Invalid(word + " needs a format: json, json-pretty, plain, xml");
                }
                format = commandLine.get(++i);
            } else if (word.startsWith("--format=")) {
                format = word.substring("--format=".length());
            } else {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            throw new Invalid("no command given");
        }
        Invalid closest = null;
        for (Signature signature : signatures) {
            if (!startsWith(words, signature.words())) {
                continue;
            }
            try {
                ObjectNode json = bind(signature, words.subList(signature.words().size(), words.size()));
                if (format != null) {
                    json.put("format", format);
                }
                return new Command(String.join(" ", signature.words()), json, signature.permission());
            } catch (Invalid mismatch) {
                if (closest == null) {
                    closest = mismatch;
                }
            }
        }
        throw closest != null ? closest : new Invalid("no ceph command starts with '" + String.join(" ", words) + "'");
    }

    private static boolean startsWith(List<String> words, List<String> prefix) {
        return words.size() >= prefix.size() && words.subList(0, prefix.size()).equals(prefix);
    }

    private static ObjectNode bind(Signature signature, List<String> rest) throws Invalid {
        String command = String.join(" ", signature.words());
        Map<String, JsonNode> bound = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String word = rest.get(i);
            Optional<JsonNode> named = word.startsWith("--") ? parameter(signature, word.substring(2).split("=", 2)[0]) : Optional.empty();
            if (named.isEmpty()) {
                positional.add(word);
                continue;
            }
            JsonNode parameter = named.get();
            String value;
            if (word.contains("=")) {
                value = word.substring(word.indexOf('=') + 1);
            } else if (parameter.path("type").asText().equals("CephBool")) {
                value = "true";
            } else if (i + 1 < rest.size()) {
                value = rest.get(++i);
            } else {
                throw new Invalid(command + ": --" + parameter.path("name").asText() + " needs a value");
            }
            bound.put(parameter.path("name").asText(), value(command, parameter, value));
        }
        int next = 0;
        for (JsonNode parameter : signature.parameters()) {
            String name = parameter.path("name").asText();
            if (bound.containsKey(name) || next == positional.size()) {
                continue;
            }
            if (parameter.path("n").asText("1").equals("N")) {
                ArrayNode values = JSON.arrayNode();
                while (next < positional.size()) {
                    values.add(value(command, parameter, positional.get(next++)));
                }
                bound.put(name, values);
            } else if (parameter.path("type").asText().equals("CephBool") && !isBoolean(positional.get(next))) {
                // a boolean is named or left out, never guessed from a word meant for the next parameter
                continue;
            } else {
                bound.put(name, value(command, parameter, positional.get(next++)));
            }
        }
        if (next < positional.size()) {
            throw new Invalid(command + ": unexpected '" + String.join(" ", positional.subList(next, positional.size())) + "'");
        }
        for (JsonNode parameter : signature.parameters()) {
            String name = parameter.path("name").asText();
            if (!bound.containsKey(name) && !parameter.path("req").asText("true").equals("false")) {
                throw new Invalid(command + ": missing <" + name + ">");
            }
        }
        ObjectNode json = JSON.objectNode();
        json.put("prefix", command);
        for (JsonNode parameter : signature.parameters()) {
            String name = parameter.path("name").asText();
            if (bound.containsKey(name)) {
                json.set(name, bound.get(name));
            }
        }
        return json;
    }

    private static Optional<JsonNode> parameter(Signature signature, String name) {
        return signature.parameters().stream()
                .filter(parameter -> parameter.path("name").asText().equals(name) || parameter.path("name").asText().equals(name.replace('-', '_')))
                .findFirst();
    }

    private static boolean isBoolean(String word) {
        return word.equals("true") || word.equals("false");
    }

    /** A word as the parameter's type wants it, or why it cannot be. */
    private static JsonNode value(String command, JsonNode parameter, String word) throws Invalid {
        String name = parameter.path("name").asText();
        String type = parameter.path("type").asText();
        try {
            switch (type) {
                case "CephInt":
                    long number = Long.parseLong(word);
                    String[] range = parameter.path("range").asText("").split("\\|");
                    if (!range[0].isEmpty() && number < Long.parseLong(range[0])
                            || range.length > 1 && number > Long.parseLong(range[1])) {
                        throw new Invalid(command + ": <" + name + "> must be within " + parameter.path("range").asText() + ", not " + word);
                    }
                    return JSON.numberNode(number);
                case "CephFloat":
                    return JSON.numberNode(Double.parseDouble(word));
                case "CephBool":
                    if (!isBoolean(word)) {
                        throw new Invalid(command + ": <" + name + "> must be true or false, not '" + word + "'");
                    }
                    return JSON.booleanNode(Boolean.parseBoolean(word));
                case "CephChoices":
                    List<String> choices = Arrays.asList(parameter.path("strings").asText().split("\\|"));
                    if (!choices.contains(word)) {
                        throw new Invalid(command + ": <" + name + "> must be one of " + String.join(", ", choices) + ", not '" + word + "'");
                    }
                    return JSON.textNode(word);
                case "CephOsdName":
                    // the monitors take an OSD's number, or * for all; the CLI accepts osd.N too
                    return word.equals("*") ? JSON.textNode(word)
                            : JSON.numberNode(Long.parseLong(word.startsWith("osd.") ? word.substring(4) : word));
                default:
                    return JSON.textNode(word);
            }
        } catch (NumberFormatException e) {
            throw new Invalid(command + ": <" + name + "> must be a number, not '" + word + "'");
        }
    }
}
