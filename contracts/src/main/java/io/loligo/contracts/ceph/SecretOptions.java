package io.loligo.contracts.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which Ceph options hold secrets, for every reader and every role: the agent redacts them before a configuration
 * leaves its host, and cluster-service again before it keeps one (an older agent may not have). An option counts
 * when its name holds one of the words below or belongs to RGW's encryption, and its value is text: a number or a
 * flag is never a secret, and showing them keeps tuning options such as {@code rocksdb_bloom_bits_per_key} readable.
 * Pure.
 */
public final class SecretOptions {
    public static final String REDACTED = "(redacted)";
    private static final List<String> WORDS = List.of("key", "secret", "password", "passwd", "token", "credential");
    private static final List<String> PREFIXES = List.of("rgw_crypt_");
    private static final Pattern NUMBER_OR_FLAG = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|true|false");

    private SecretOptions() {
    }

    public static boolean isSecretName(String option) {
        String name = option.toLowerCase(Locale.ROOT);
        return WORDS.stream().anyMatch(name::contains) || PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Whether this option's value is withheld: a secret's name, and a value that is set and is text. */
    public static boolean withholds(String option, String value) {
        return isSecretName(option) && value != null && !value.isEmpty() && !NUMBER_OR_FLAG.matcher(value.strip()).matches();
    }

    /** A copy of {@code config show}'s options with every secret's value replaced by {@link #REDACTED}. */
    public static JsonNode redacted(JsonNode options) {
        if (!options.isObject()) {
            return options;
        }
        ObjectNode copy = options.deepCopy();
        options.fields().forEachRemaining(option -> {
            JsonNode value = option.getValue();
            String text = value.isValueNode() ? value.asText() : value.toString();
            if (withholds(option.getKey(), text)) {
                copy.put(option.getKey(), REDACTED);
            }
        });
        return copy;
    }
}
