package io.loligo.cluster.crush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.request.Planned;
import io.loligo.cluster.state.CrushMapText;
import io.loligo.cluster.state.HeldCrushMap;
import io.loligo.contracts.api.CrushForms;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.ClusterChange;
import io.loligo.contracts.command.CrushChange;
import io.loligo.contracts.command.CrushMapChange;
import io.loligo.contracts.command.PreviewCrushChange;
import io.loligo.contracts.command.RequestedChange;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** CRUSH rule and bucket forms, checked against the CRUSH map as it is, turned into changes. Pure. */
public final class CrushChanges {
    private static final String SHADOW_MARK = "~";
    /** What {@code create-replicated} gives a rule. */
    private static final int DEFAULT_MAX_SIZE = 10;
    /** CRUSH keeps a rule's sizes in one byte each. */
    private static final int MAX_RULE_SIZE = 255;
    /** CRUSH keeps weights in 16.16 fixed point: 0x10000 is a weight of 1. */
    private static final double FIXED_POINT_ONE = 0x10000;
    /** Weights closer than CRUSH's own precision are the same weight. */
    private static final double WEIGHT_PRECISION = 1.0 / FIXED_POINT_ONE;

    /** Ceph's rule types, by the numbers {@code osd crush dump} gives them. */
    private enum RuleType {
        REPLICATED(1), ERASURE(3);

        final int number;

        RuleType(int number) {
            this.number = number;
        }

        static RuleType of(int number) {
            return number == ERASURE.number ? ERASURE : REPLICATED;
        }

        /** @return null for a type that is neither */
        static RuleType parse(String given) {
            for (RuleType type : values()) {
                if (given.equalsIgnoreCase(type.name()) || given.equals(String.valueOf(type.number))) {
                    return type;
                }
            }
            return null;
        }
    }

    private CrushChanges() {
    }

    /**
     * A replicated rule in short form is made by Ceph's {@code create-replicated}; a rule with steps can only be
     * written into the CRUSH map.
     */
    public static Planned createRule(String fsid, HeldCrushMap crushMap, CrushForms.Rule form) {
        if (form == null) {
            throw InvalidInput.of("body", "give name and steps, or name, root and failure_domain");
        }
        JsonNode crushDump = crushMap.dump();
        if (form.steps() == null) {
            return createReplicatedRule(fsid, crushDump, form);
        }
        List<FieldError> errors = new ArrayList<>();
        if (blank(form.name())) {
            errors.add(new FieldError("name", "is needed"));
        }
        requireOneForm(form, errors);
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        int id = freeRuleId(crushDump);
        rule.put("rule_id", id).put("rule_name", form.name()).put("ruleset", id);
        writeRule(crushDump, rule, form, RuleType.REPLICATED, errors);
        InvalidInput.refuseIfAny(errors);
        requireFreeRuleName(crushDump, form.name());
        ObjectNode changed = crushDump.deepCopy();
        ((ArrayNode) changed.withArray("rules")).add(rule);
        return new Planned("Creating CRUSH rule '" + form.name() + "'", List.of(crushMap.replacedBy(changed)));
    }

    private static Planned createReplicatedRule(String fsid, JsonNode crushDump, CrushForms.Rule form) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(form.name())) {
            errors.add(new FieldError("name", "is needed"));
        }
        if (blank(form.root()) || bucket(crushDump, form.root()).isEmpty()) {
            errors.add(new FieldError("root", "must name a bucket of the CRUSH map"));
        }
        if (blank(form.failureDomain()) || !hasType(crushDump, form.failureDomain())) {
            errors.add(new FieldError("failure_domain", "must name a CRUSH type, such as host"));
        }
        if (form.deviceClass() != null && !hasDeviceClass(crushDump, form.deviceClass())) {
            errors.add(new FieldError("device_class", "no device has the class '" + form.deviceClass() + "'"));
        }
        if (form.type() != null && RuleType.parse(form.type()) != RuleType.REPLICATED) {
            errors.add(new FieldError("type", "root and failure_domain make a replicated rule; give steps for an erasure rule"));
        }
        InvalidInput.refuseIfAny(errors);
        requireFreeRuleName(crushDump, form.name());
        return new Planned("Creating CRUSH rule '" + form.name() + "'", List.of(new CrushChange(fsid,
                CrushChange.Kind.CREATE_REPLICATED_RULE, form.name(), form.root(), form.failureDomain(), form.deviceClass(), null)));
    }

    /**
     * A new name alone is Ceph's rename; anything else rewrites the rule in the CRUSH map, keeping its id, so the
     * pools that use it follow.
     */
    public static Planned updateRule(String fsid, HeldCrushMap crushMap, CrushViews.Rule rule, CrushForms.Rule form) {
        if (form == null) {
            throw InvalidInput.of("body", "give what changes: name, type, min_size, max_size, steps");
        }
        JsonNode crushDump = crushMap.dump();
        List<FieldError> errors = new ArrayList<>();
        requireOneForm(form, errors);
        String name = blank(form.name()) ? rule.name() : form.name();
        ObjectNode changed = crushDump.deepCopy();
        ObjectNode dumped = null;
        for (JsonNode candidate : changed.path("rules")) {
            if (candidate.path("rule_id").asInt() == rule.id()) {
                dumped = (ObjectNode) candidate;
            }
        }
        if (dumped == null) {
            throw new IllegalStateException("rule " + rule.id() + " is in the view but not in the map it came from");
        }
        writeRule(crushDump, dumped, form, RuleType.of(rule.type()), errors);
        InvalidInput.refuseIfAny(errors);
        boolean renamed = !name.equals(rule.name());
        if (renamed) {
            requireFreeRuleName(crushDump, name);
        }
        String headline = "Changing CRUSH rule '" + rule.name() + "'";
        if (CrushMapText.of(changed).equals(CrushMapText.of(crushDump))) {
            return new Planned(headline, renamed ? List.of(CrushChange.of(fsid, CrushChange.Kind.RENAME_RULE, rule.name(), name)) : List.of());
        }
        dumped.put("rule_name", name);
        return new Planned(headline, List.of(crushMap.replacedBy(changed)));
    }

    /**
     * The preview of a planned CRUSH change: its bucket and OSD changes as crushtool would make them, or the whole map
     * it would set.
     *
     * @throws InvalidInput when the change leaves the map as it is, or unlinks an item from one of its buckets,
     *                      which crushtool cannot do
     */
    public static PreviewCrushChange preview(String fsid, Planned planned) {
        List<CrushChange> changes = new ArrayList<>();
        String text = null;
        for (RequestedChange change : planned.changes()) {
            if (change instanceof CrushMapChange whole) {
                text = whole.text();
            } else if (change instanceof CrushChange crushChange) {
                if (crushChange.kind() == CrushChange.Kind.UNLINK) {
                    throw InvalidInput.of("items", "taking " + crushChange.name()
                            + " out of one of its buckets cannot be previewed: crushtool cannot unlink");
                }
                changes.add(crushChange);
            }
        }
        if (changes.isEmpty() && text == null) {
            throw new InvalidInput("NothingChanges", "the CRUSH map already is so: nothing would move");
        }
        return text != null ? new PreviewCrushChange(fsid, List.of(), text) : new PreviewCrushChange(fsid, changes, null);
    }

    /** Calamari's {@code POST crush_map}: the whole map as text, compiled by the agent. */
    public static Planned replaceMap(HeldCrushMap crushMap, JsonNode text) {
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw InvalidInput.of("body", "give the CRUSH map as crushtool -d writes it, as one JSON string");
        }
        if (text.asText().equals(CrushMapText.of(crushMap.dump()))) {
            return new Planned("Replacing the CRUSH map", List.of());
        }
        return new Planned("Replacing the CRUSH map", List.of(crushMap.replacedBy(text.asText())));
    }

    private static void requireOneForm(CrushForms.Rule form, List<FieldError> errors) {
        boolean shortForm = form.root() != null || form.failureDomain() != null || form.deviceClass() != null;
        if (shortForm && form.steps() != null) {
            errors.add(new FieldError("steps", "give steps, or root and failure_domain, not both"));
        } else if (shortForm && (blank(form.root()) || blank(form.failureDomain()))) {
            errors.add(new FieldError(blank(form.root()) ? "root" : "failure_domain", "the short form needs root and failure_domain"));
        }
    }

    /** Sets what the form gives on a rule as Ceph dumps it: type, sizes and steps. */
    private static void writeRule(JsonNode crushDump, ObjectNode rule, CrushForms.Rule form, RuleType typeUnlessGiven,
                                  List<FieldError> errors) {
        RuleType type = form.type() == null ? typeUnlessGiven : RuleType.parse(form.type());
        if (type == null) {
            errors.add(new FieldError("type", "is replicated or erasure"));
        } else {
            rule.put("type", type.number);
        }
        int minSize = form.minSize() != null ? form.minSize() : rule.path("min_size").asInt(1);
        int maxSize = form.maxSize() != null ? form.maxSize() : rule.path("max_size").asInt(DEFAULT_MAX_SIZE);
        if (minSize < 1 || minSize > maxSize) {
            errors.add(new FieldError("min_size", "must be at least 1 and at most max_size"));
        }
        if (maxSize > MAX_RULE_SIZE) {
            errors.add(new FieldError("max_size", "must be at most " + MAX_RULE_SIZE));
        }
        rule.put("min_size", minSize).put("max_size", maxSize);
        boolean shortForm = form.root() != null && form.failureDomain() != null;
        List<CrushForms.Step> steps = shortForm ? RuleSteps.replicated(form.root(), form.failureDomain(), form.deviceClass()) : form.steps();
        if (steps != null) {
            ArrayNode dumped = RuleSteps.check(crushDump, steps, shortForm ? "root" : "steps", errors);
            if (dumped != null) {
                rule.set("steps", dumped);
            }
        }
    }

    /** The lowest id no rule has, as Ceph picks one. */
    private static int freeRuleId(JsonNode crushDump) {
        Set<Integer> taken = new HashSet<>();
        crushDump.path("rules").forEach(rule -> taken.add(rule.path("rule_id").asInt()));
        int id = 0;
        while (taken.contains(id)) {
            id++;
        }
        return id;
    }

    public static Planned deleteRule(String fsid, CrushViews.Rule rule, List<PoolView> pools) {
        List<String> users = pools.stream().filter(pool -> pool.crushRuleset() == rule.ruleset()).map(PoolView::name).toList();
        if (!users.isEmpty()) {
            throw new Conflict("RuleInUse", "CRUSH rule '" + rule.name() + "' is used by " + String.join(", ", users));
        }
        return new Planned("Removing CRUSH rule '" + rule.name() + "'",
                List.of(CrushChange.of(fsid, CrushChange.Kind.REMOVE_RULE, rule.name(), null)));
    }

    public static Planned createNode(String fsid, JsonNode crushDump, CrushForms.Node form) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null) {
            throw InvalidInput.of("body", "give name and bucket_type");
        }
        if (blank(form.name()) || form.name().contains(SHADOW_MARK)) {
            errors.add(new FieldError("name", "is needed, without '" + SHADOW_MARK + "'"));
        }
        if (blank(form.bucketType()) || !hasType(crushDump, form.bucketType()) || form.bucketType().equals("osd")) {
            errors.add(new FieldError("bucket_type", "must name a CRUSH bucket type, such as host or rack"));
        }
        Optional<JsonNode> parent = form.parent() == null ? Optional.empty() : bucket(crushDump, form.parent());
        if (form.parent() != null && parent.isEmpty()) {
            errors.add(new FieldError("parent", "no bucket " + form.parent()));
        }
        checkItems(crushDump, form.items(), null, errors);
        InvalidInput.refuseIfAny(errors);
        requireFreeItemName(crushDump, form.name());
        List<ClusterChange> changes = new ArrayList<>();
        changes.add(CrushChange.of(fsid, CrushChange.Kind.ADD_BUCKET, form.name(), form.bucketType()));
        parent.ifPresent(bucket -> changes.add(CrushChange.of(fsid, CrushChange.Kind.MOVE_BUCKET, form.name(), location(bucket))));
        String here = form.bucketType() + "=" + form.name();
        for (CrushForms.Item item : form.items() == null ? List.<CrushForms.Item>of() : form.items()) {
            changes.add(placement(fsid, crushDump, item, here));
        }
        return new Planned("Creating CRUSH bucket '" + form.name() + "'", changes);
    }

    public static Planned updateNode(String fsid, JsonNode crushDump, CrushViews.Node node, CrushForms.Node form) {
        if (form == null || (form.bucketType() != null && !form.bucketType().equals(node.bucketType()))) {
            throw InvalidInput.of("bucket_type", "is set when a bucket is created");
        }
        List<ClusterChange> changes = new ArrayList<>();
        if (form.parent() != null && !form.parent().equals(parentOf(crushDump, node.id()).orElse(null))) {
            JsonNode parent = bucket(crushDump, form.parent()).orElseThrow(() ->
                    InvalidInput.of("parent", "no bucket " + form.parent()));
            if (form.parent() == node.id()) {
                throw InvalidInput.of("parent", "a bucket cannot hold itself");
            }
            changes.add(CrushChange.of(fsid, CrushChange.Kind.MOVE_BUCKET, node.name(), location(parent)));
        }
        if (form.items() != null) {
            List<FieldError> errors = new ArrayList<>();
            checkItems(crushDump, form.items(), node.id(), errors);
            InvalidInput.refuseIfAny(errors);
            changes.addAll(itemChanges(fsid, crushDump, node, form.items()));
        }
        // after the moves, which still find the bucket by its old name
        if (!blank(form.name()) && !form.name().equals(node.name())) {
            requireFreeItemName(crushDump, form.name());
            changes.add(CrushChange.of(fsid, CrushChange.Kind.RENAME_BUCKET, node.name(), form.name()));
        }
        return new Planned("Updating CRUSH bucket '" + node.name() + "'", changes);
    }

    public static Planned deleteNode(String fsid, CrushViews.Node node) {
        if (!node.items().isEmpty()) {
            throw new Conflict("BucketNotEmpty", "CRUSH bucket '" + node.name() + "' still holds " + node.items().size()
                    + " items: move them out first");
        }
        return new Planned("Removing CRUSH bucket '" + node.name() + "'",
                List.of(CrushChange.of(fsid, CrushChange.Kind.REMOVE_BUCKET, node.name(), null)));
    }

    /**
     * What makes a bucket hold exactly {@code wanted}: items it holds but that are not wanted are unlinked from it
     * (they stay wherever else they are), wanted buckets move in, wanted OSDs are placed in it, and OSDs it holds
     * already at another weight are reweighted.
     */
    private static List<ClusterChange> itemChanges(String fsid, JsonNode crushDump, CrushViews.Node node, List<CrushForms.Item> wanted) {
        Map<Integer, Double> held = new HashMap<>();
        node.items().forEach(item -> held.put(item.id(), item.weight()));
        Set<Integer> wantedIds = new HashSet<>();
        List<ClusterChange> changes = new ArrayList<>();
        for (CrushForms.Item item : wanted) {
            wantedIds.add(item.id());
            if (!held.containsKey(item.id())) {
                changes.add(placement(fsid, crushDump, item, node.bucketType() + "=" + node.name()));
            } else if (item.id() >= 0 && item.weight() != null && Math.abs(item.weight() - held.get(item.id())) > WEIGHT_PRECISION) {
                changes.add(CrushChange.reweightOsd(fsid, "osd." + item.id(), item.weight()));
            }
        }
        for (CrushViews.Item item : node.items()) {
            if (!wantedIds.contains(item.id())) {
                changes.add(CrushChange.of(fsid, CrushChange.Kind.UNLINK, itemName(crushDump, item.id()), node.name()));
            }
        }
        return changes;
    }

    /** A bucket moves under {@code location}; an OSD is set there, at the weight given or the one it has. */
    private static ClusterChange placement(String fsid, JsonNode crushDump, CrushForms.Item item, String location) {
        if (item.id() < 0) {
            return CrushChange.of(fsid, CrushChange.Kind.MOVE_BUCKET, itemName(crushDump, item.id()), location);
        }
        double weight = item.weight() != null ? item.weight() : osdWeight(crushDump, item.id());
        return CrushChange.setOsd(fsid, "osd." + item.id(), location, weight);
    }

    /** Every item must exist, be no shadow bucket, not be the bucket itself, and come once; weights are not negative. */
    private static void checkItems(JsonNode crushDump, List<CrushForms.Item> items, Integer self, List<FieldError> errors) {
        if (items == null) {
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            CrushForms.Item item = items.get(i);
            String field = "items[" + i + "]";
            if (item == null) {
                errors.add(new FieldError(field, "must be an item: {id, weight}"));
            } else if (!seen.add(item.id())) {
                errors.add(new FieldError(field + ".id", "lists " + item.id() + " twice"));
            } else if (self != null && item.id() == self) {
                errors.add(new FieldError(field + ".id", "a bucket cannot hold itself"));
            } else if (item.id() < 0 && bucket(crushDump, item.id()).filter(b -> !b.path("name").asText().contains(SHADOW_MARK)).isEmpty()) {
                errors.add(new FieldError(field + ".id", "no bucket " + item.id()));
            } else if (item.id() >= 0 && !hasDevice(crushDump, item.id())) {
                errors.add(new FieldError(field + ".id", "no OSD " + item.id() + " in the CRUSH map"));
            } else if (item.weight() != null && (item.weight() < 0 || item.weight().isNaN() || item.weight().isInfinite())) {
                errors.add(new FieldError(field + ".weight", "must be a weight of 0 or more"));
            }
        }
    }

    private static String itemName(JsonNode crushDump, int id) {
        if (id >= 0) {
            return "osd." + id;
        }
        return bucket(crushDump, id).map(b -> b.path("name").asText()).orElseThrow();
    }

    private static boolean hasDevice(JsonNode crushDump, int id) {
        for (JsonNode device : crushDump.path("devices")) {
            if (device.path("id").asInt() == id) {
                return true;
            }
        }
        return false;
    }

    /** The OSD's weight where it is linked, in the usual units; 0 for an OSD no bucket holds. */
    private static double osdWeight(JsonNode crushDump, int id) {
        for (JsonNode bucket : crushDump.path("buckets")) {
            if (bucket.path("name").asText().contains(SHADOW_MARK)) {
                continue;
            }
            for (JsonNode item : bucket.path("items")) {
                if (item.path("id").asInt() == id) {
                    return item.path("weight").asDouble() / FIXED_POINT_ONE;
                }
            }
        }
        return 0;
    }

    /** Ceph's form for "under this bucket": {@code <type>=<name>}. */
    private static String location(JsonNode bucket) {
        return bucket.path("type_name").asText() + "=" + bucket.path("name").asText();
    }

    private static Optional<Integer> parentOf(JsonNode crushDump, int id) {
        for (JsonNode bucket : crushDump.path("buckets")) {
            for (JsonNode item : bucket.path("items")) {
                if (item.path("id").asInt() == id && !bucket.path("name").asText().contains(SHADOW_MARK)) {
                    return Optional.of(bucket.path("id").asInt());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> bucket(JsonNode crushDump, String name) {
        return bucket(crushDump, bucket -> bucket.path("name").asText().equals(name));
    }

    private static Optional<JsonNode> bucket(JsonNode crushDump, int id) {
        return bucket(crushDump, bucket -> bucket.path("id").asInt() == id);
    }

    /** A bucket an operator names; the per-class shadow buckets are CRUSH's own. */
    private static Optional<JsonNode> bucket(JsonNode crushDump, Predicate<JsonNode> wanted) {
        for (JsonNode bucket : crushDump.path("buckets")) {
            if (wanted.test(bucket) && !bucket.path("name").asText().contains(SHADOW_MARK)) {
                return Optional.of(bucket);
            }
        }
        return Optional.empty();
    }

    static boolean hasType(JsonNode crushDump, String type) {
        for (JsonNode known : crushDump.path("types")) {
            if (known.path("name").asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDeviceClass(JsonNode crushDump, String deviceClass) {
        for (JsonNode device : crushDump.path("devices")) {
            if (deviceClass.equals(device.path("class").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void requireFreeRuleName(JsonNode crushDump, String name) {
        for (JsonNode rule : crushDump.path("rules")) {
            if (rule.path("rule_name").asText().equals(name)) {
                throw new Conflict("RuleExists", "there is a CRUSH rule '" + name + "' already",
                        List.of(new FieldError("name", "is taken")));
            }
        }
    }

    private static void requireFreeItemName(JsonNode crushDump, String name) {
        boolean taken = bucket(crushDump, name).isPresent();
        for (JsonNode device : crushDump.path("devices")) {
            taken |= device.path("name").asText().equals(name);
        }
        if (taken) {
            throw new Conflict("NameTaken", "the CRUSH map already has an item named '" + name + "'",
                    List.of(new FieldError("name", "is taken")));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
