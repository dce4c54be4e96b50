package io.loligo.cluster.alert;

import io.loligo.contracts.refusal.NotFound;

import java.util.function.Function;

/** A kept row by the id a caller gave as text: a text that is no id of ours names nothing either. */
final class ById {
    private ById() {
    }

    /**
     * @param parse the id's form ({@code Long::valueOf}, {@code UUID::fromString}), which throws on other text
     * @param lookup a lambda calling the entity's own finder, {@code key -> AlertEntity.findById(key)}: a method
     *               reference would bind to {@code PanacheEntityBase}'s, which Panache leaves unimplemented
     * @param what the row's kind, for the {@code 404}: {@code alert} is {@code AlertNotFound}, "no alert 12"
     */
    static <K, E> E find(String id, Function<String, K> parse, Function<K, E> lookup, String what) {
        E found = null;
        try {
            found = lookup.apply(parse.apply(id));
        } catch (IllegalArgumentException notAnId) {
            // NumberFormatException included: not found either
        }
        if (found == null) {
            throw new NotFound(Character.toUpperCase(what.charAt(0)) + what.substring(1), "no " + what + " " + id);
        }
        return found;
    }
}
