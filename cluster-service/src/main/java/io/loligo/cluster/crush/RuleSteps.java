package io.loligo.cluster.crush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.CrushForms.Step;
import io.loligo.contracts.api.Problem.FieldError;

import java.util.List;
import java.util.Set;

/** A rule's steps as a user gives them, checked against the CRUSH map and written as {@code osd crush dump} has them. Pure. */
final class RuleSteps {
    private static final Set<String> CHOOSE_OPS = Set.of("choose_firstn", "chooseleaf_firstn", "choose_indep", "chooseleaf_indep");
    private static final Set<String> TUNABLE_OPS = Set.of("set_choose_tries", "set_chooseleaf_tries", "set_choose_local_tries",
            "set_choose_local_fallback_tries", "set_chooseleaf_vary_r", "set_chooseleaf_stable");
    /** How a device class is named on a bucket: its shadow bucket, {@code default~hdd}. */
    private static final String CLASS_MARK = "~";

    private RuleSteps() {
    }

    /** The steps of a replicated rule in short form: one copy per failure domain under root, of one class or any. */
    static List<Step> replicated(String root, String failureDomain, String deviceClass) {
        return List.of(new Step("take", null, deviceClass == null ? root : root + CLASS_MARK + deviceClass, null, null),
                new Step("chooseleaf_firstn", null, null, 0, failureDomain),
                new Step("emit", null, null, null, null));
    }

    /**
     * @param field the name the errors carry, such as {@code steps}
     * @return the steps as Ceph dumps them, or null when {@code errors} says why not
     */
    static ArrayNode check(JsonNode crushDump, List<Step> steps, String field, List<FieldError> errors) {
        if (steps.isEmpty()) {
            errors.add(new FieldError(field, "a rule needs at least a take and an emit"));
            return null;
        }
        int errorsBefore = errors.size();
        ArrayNode dumped = JsonNodeFactory.instance.arrayNode();
        boolean taken = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = field + "[" + i + "]";
            if (step == null || step.op() == null) {
                errors.add(new FieldError(at + ".op", "is needed"));
                continue;
            }
            ObjectNode out = dumped.addObject().put("op", step.op());
            if (step.op().equals("take")) {
                taken = true;
                take(crushDump, step, at, out, errors);
            } else if (CHOOSE_OPS.contains(step.op())) {
                if (!taken) {
                    errors.add(new FieldError(at + ".op", "comes after a take"));
                }
                if (step.num() == null) {
                    errors.add(new FieldError(at + ".num", "is needed: how many to choose, 0 for as many as the pool has copies"));
                }
                if (step.type() == null || !CrushChanges.hasType(crushDump, step.type())) {
                    errors.add(new FieldError(at + ".type", "must name a CRUSH type, such as host"));
                }
                out.put("num", step.num() == null ? 0 : step.num()).put("type", step.type());
            } else if (TUNABLE_OPS.contains(step.op())) {
                if (step.num() == null || step.num() < 0) {
                    errors.add(new FieldError(at + ".num", "is needed and not negative"));
                }
                out.put("num", step.num() == null ? 0 : step.num());
            } else if (!known(step.op())) {
                errors.add(new FieldError(at + ".op", "must be take, emit, one of " + CHOOSE_OPS.stream().sorted().toList()
                        + " or one of " + TUNABLE_OPS.stream().sorted().toList()));
            }
        }
        Step last = steps.get(steps.size() - 1);
        // a last step already named for its unknown op needs no second message
        if (last != null && known(last.op()) && !last.op().equals("emit")) {
            errors.add(new FieldError(field + "[" + (steps.size() - 1) + "].op", "the last step must be emit"));
        }
        return errors.size() == errorsBefore ? dumped : null;
    }

    private static boolean known(String op) {
        return op != null && (op.equals("take") || op.equals("emit") || CHOOSE_OPS.contains(op) || TUNABLE_OPS.contains(op));
    }

    /** A take names a bucket, or a device class on one, by name or by id. */
    private static void take(JsonNode crushDump, Step step, String at, ObjectNode out, List<FieldError> errors) {
        JsonNode bucket = null;
        for (JsonNode candidate : crushDump.path("buckets")) {
            boolean named = step.itemName() != null ? candidate.path("name").asText().equals(step.itemName())
                    : step.item() != null && candidate.path("id").asInt() == step.item();
            if (named) {
                bucket = candidate;
            }
        }
        if (bucket == null) {
            errors.add(new FieldError(step.itemName() != null ? at + ".item_name" : at + ".item",
                    "must name a bucket of the CRUSH map, such as default, or default" + CLASS_MARK + "hdd for one device class"));
            return;
        }
        out.put("item", bucket.path("id").asInt()).put("item_name", bucket.path("name").asText());
    }
}
