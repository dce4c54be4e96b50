package io.loligo.cluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.InvalidInput;

import java.util.ArrayList;
import java.util.List;

/** The words of a {@code ceph} command line, as Calamari's clients send it: one string, or a list of words. Pure. */
final class CommandLine {
    private CommandLine() {
    }

    /**
     * The words after {@code ceph}, which may be left out. A string splits at white space, except within single or
     * double quotes.
     *
     * @throws InvalidInput naming {@code command} when there is none, or it runs another program
     */
    static List<String> words(JsonNode command) {
        List<String> words = new ArrayList<>();
        if (command != null && command.isTextual()) {
            words.addAll(split(command.asText()));
        } else if (command != null && command.isArray()) {
            for (JsonNode word : command) {
                if (!word.isTextual()) {
                    throw invalid("must be a string or a list of strings");
                }
                words.add(word.asText());
            }
        } else {
            throw invalid("is required: a ceph command line such as \"ceph osd tree\", or its words as a list");
        }
        if (!words.isEmpty() && words.get(0).equals("ceph")) {
            words.remove(0);
        } else if (!words.isEmpty() && List.of("rbd", "rados", "radosgw-admin", "ceph-volume").contains(words.get(0))) {
            throw invalid("runs only ceph commands, not " + words.get(0));
        }
        if (words.isEmpty()) {
            throw invalid("names no ceph command");
        }
        return words;
    }

    static InvalidInput invalid(String message) {
        return InvalidInput.of("command", message);
    }

    private static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw invalid("has an unclosed " + quote);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
