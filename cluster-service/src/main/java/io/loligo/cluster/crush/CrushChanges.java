package io.loligo.cluster.crush;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.crush.CrushMap.RuleType;
import io.loligo.cluster.request.Planned;
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

/** CRUSH rule and bucket forms, checked against the CRUSH map as it is, turned into changes. Pure. */
public final class CrushChanges {
    /** What {@code create-replicated} gives a rule. */
    private static final int DEFAULT_MAX_SIZE = 10;
    /** CRUSH keeps a rule's sizes in one byte each. */
    private static final int MAX_RULE_SIZE = 255;
    /** Weights closer than CRUSH's own precision are the same weight. */
    private static final double WEIGHT_PRECISION = 1.0 / CrushMap.WEIGHT_UNIT;
    /** The rule types a user can give, by name or by Ceph's number for them. */
    private static final List<RuleType> GIVEN_RULE_TYPES = List.of(RuleType.REPLICATED, RuleType.ERASURE);

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
        CrushMap crush = crushMap.map();
        if (form.steps() == null) {
            return createReplicatedRule(fsid, crush, form);
        }
        List<FieldError> errors = new ArrayList<>();
        if (blank(form.name())) {
            errors.add(new FieldError("name", "is needed"));
        }
        requireOneForm(form, errors);
        int id = crush.freeRuleId();
        CrushMap.Rule rule = writeRule(crush, new CrushMap.Rule(id, form.name(), id, RuleType.REPLICATED, 1, DEFAULT_MAX_SIZE,
                List.of()), form, errors);
        InvalidInput.refuseIfAny(errors);
        requireFreeRuleName(crush, form.name());
        return new Planned("Creating CRUSH rule '" + form.name() + "'", List.of(crushMap.replacedBy(crush.withRule(rule))));
    }

    private static Planned createReplicatedRule(String fsid, CrushMap crush, CrushForms.Rule form) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(form.name())) {
            errors.add(new FieldError("name", "is needed"));
        }
        if (blank(form.root()) || crush.bucket(form.root()).isEmpty()) {
            errors.add(new FieldError("root", "must name a bucket of the CRUSH map"));
        }
        if (blank(form.failureDomain()) || !crush.hasType(form.failureDomain())) {
            errors.add(new FieldError("failure_domain", "must name a CRUSH type, such as host"));
        }
        if (form.deviceClass() != null && !crush.hasDeviceClass(form.deviceClass())) {
            errors.add(new FieldError("device_class", "no device has the class '" + form.deviceClass() + "'"));
        }
        if (form.type() != null && givenRuleType(form.type()) != RuleType.REPLICATED) {
            errors.add(new FieldError("type", "root and failure_domain make a replicated rule; give steps for an erasure rule"));
        }
        InvalidInput.refuseIfAny(errors);
        requireFreeRuleName(crush, form.name());
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
        CrushMap crush = crushMap.map();
        CrushMap.Rule current = crush.rule(rule.id()).orElseThrow(() ->
                new IllegalStateException("rule " + rule.id() + " is in the view but not in the map it came from"));
        List<FieldError> errors = new ArrayList<>();
        requireOneForm(form, errors);
        String name = blank(form.name()) ? rule.name() : form.name();
        CrushMap.Rule changed = writeRule(crush, current, form, errors);
        InvalidInput.refuseIfAny(errors);
        boolean renamed = !name.equals(rule.name());
        if (renamed) {
            requireFreeRuleName(crush, name);
        }
        String headline = "Changing CRUSH rule '" + rule.name() + "'";
        if (changed.equals(current)) {
            return new Planned(headline, renamed ? List.of(CrushChange.of(fsid, CrushChange.Kind.RENAME_RULE, rule.name(), name)) : List.of());
        }
        return new Planned(headline, List.of(crushMap.replacedBy(crush.withRule(changed.withName(name)))));
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
        if (text.asText().equals(CrushMapText.of(crushMap.map()))) {
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

    /** The rule with what the form gives: type, sizes and steps; the rest as it was. */
    private static CrushMap.Rule writeRule(CrushMap crush, CrushMap.Rule rule, CrushForms.Rule form, List<FieldError> errors) {
        RuleType type = form.type() == null ? rule.type() : givenRuleType(form.type());
        if (type == null) {
            errors.add(new FieldError("type", "is replicated or erasure"));
        }
        int minSize = form.minSize() != null ? form.minSize() : rule.minSize();
        int maxSize = form.maxSize() != null ? form.maxSize() : rule.maxSize();
        if (minSize < 1 || minSize > maxSize) {
            errors.add(new FieldError("min_size", "must be at least 1 and at most max_size"));
        }
        if (maxSize > MAX_RULE_SIZE) {
            errors.add(new FieldError("max_size", "must be at most " + MAX_RULE_SIZE));
        }
        boolean shortForm = form.root() != null && form.failureDomain() != null;
        List<CrushForms.Step> given = shortForm ? RuleSteps.replicated(form.root(), form.failureDomain(), form.deviceClass()) : form.steps();
        List<CrushMap.Step> steps = given == null ? rule.steps() : RuleSteps.check(crush, given, shortForm ? "root" : "steps", errors);
        return new CrushMap.Rule(rule.id(), rule.name(), rule.ruleset(), type == null ? rule.type() : type, minSize, maxSize,
                steps == null ? rule.steps() : steps);
    }

    /** @return null for a type a user cannot give */
    private static RuleType givenRuleType(String given) {
        return GIVEN_RULE_TYPES.stream().filter(type -> given.equalsIgnoreCase(type.name())
                || given.equals(String.valueOf(type.number))).findFirst().orElse(null);
    }

    public static Planned deleteRule(String fsid, CrushViews.Rule rule, List<PoolView> pools) {
        List<String> users = pools.stream().filter(pool -> pool.crushRuleset() == rule.ruleset()).map(PoolView::name).toList();
        if (!users.isEmpty()) {
            throw new Conflict("RuleInUse", "CRUSH rule '" + rule.name() + "' is used by " + String.join(", ", users));
        }
        return new Planned("Removing CRUSH rule '" + rule.name() + "'",
                List.of(CrushChange.of(fsid, CrushChange.Kind.REMOVE_RULE, rule.name(), null)));
    }

    public static Planned createNode(String fsid, CrushMap crush, CrushForms.Node form) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null) {
            throw InvalidInput.of("body", "give name and bucket_type");
        }
        if (blank(form.name()) || form.name().contains(CrushMap.CLASS_MARK)) {
            errors.add(new FieldError("name", "is needed, without '" + CrushMap.CLASS_MARK + "'"));
        }
        if (blank(form.bucketType()) || !crush.hasType(form.bucketType()) || form.bucketType().equals("osd")) {
            errors.add(new FieldError("bucket_type", "must name a CRUSH bucket type, such as host or rack"));
        }
        Optional<CrushMap.Bucket> parent = form.parent() == null ? Optional.empty() : crush.bucket(form.parent());
        if (form.parent() != null && parent.isEmpty()) {
            errors.add(new FieldError("parent", "no bucket " + form.parent()));
        }
        checkItems(crush, form.items(), null, errors);
        InvalidInput.refuseIfAny(errors);
        requireFreeItemName(crush, form.name());
        List<ClusterChange> changes = new ArrayList<>();
        changes.add(CrushChange.of(fsid, CrushChange.Kind.ADD_BUCKET, form.name(), form.bucketType()));
        parent.ifPresent(bucket -> changes.add(CrushChange.of(fsid, CrushChange.Kind.MOVE_BUCKET, form.name(), bucket.location())));
        String here = form.bucketType() + "=" + form.name();
        for (CrushForms.Item item : form.items() == null ? List.<CrushForms.Item>of() : form.items()) {
            changes.add(placement(fsid, crush, item, here));
        }
        return new Planned("Creating CRUSH bucket '" + form.name() + "'", changes);
    }

    public static Planned updateNode(String fsid, CrushMap crush, CrushViews.Node node, CrushForms.Node form) {
        if (form == null || (form.bucketType() != null && !form.bucketType().equals(node.bucketType()))) {
            throw InvalidInput.of("bucket_type", "is set when a bucket is created");
        }
        List<ClusterChange> changes = new ArrayList<>();
        if (form.parent() != null && !form.parent().equals(crush.parentOf(node.id()).map(CrushMap.Bucket::id).orElse(null))) {
            CrushMap.Bucket parent = crush.bucket(form.parent()).orElseThrow(() ->
                    InvalidInput.of("parent", "no bucket " + form.parent()));
            if (form.parent() == node.id()) {
                throw InvalidInput.of("parent", "a bucket cannot hold itself");
            }
            changes.add(CrushChange.of(fsid, CrushChange.Kind.MOVE_BUCKET, node.name(), parent.location()));
        }
        if (form.items() != null) {
            List<FieldError> errors = new ArrayList<>();
            checkItems(crush, form.items(), node.id(), errors);
            InvalidInput.refuseIfAny(errors);
            changes.addAll(itemChanges(fsid, crush, node, form.items()));
        }
        // after the moves, which still find the bucket by its old name
        if (!blank(form.name()) && !form.name().equals(node.name())) {
            requireFreeItemName(crush, form.name());
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
    private static List<ClusterChange> itemChanges(String fsid, CrushMap crush, CrushViews.Node node, List<CrushForms.Item> wanted) {
        Map<Integer, Double> held = new HashMap<>();
        node.items().forEach(item -> held.put(item.id(), item.weight()));
        Set<Integer> wantedIds = new HashSet<>();
        List<ClusterChange> changes = new ArrayList<>();
        for (CrushForms.Item item : wanted) {
            wantedIds.add(item.id());
            if (!held.containsKey(item.id())) {
                changes.add(placement(fsid, crush, item, node.bucketType() + "=" + node.name()));
            } else if (item.id() >= 0 && item.weight() != null && Math.abs(item.weight() - held.get(item.id())) > WEIGHT_PRECISION) {
                changes.add(CrushChange.reweightOsd(fsid, "osd." + item.id(), item.weight()));
            }
        }
        for (CrushViews.Item item : node.items()) {
            if (!wantedIds.contains(item.id())) {
                changes.add(CrushChange.of(fsid, CrushChange.Kind.UNLINK, crush.itemName(item.id()), node.name()));
            }
        }
        return changes;
    }

    /** A bucket moves under {@code location}; an OSD is set there, at the weight given or the one it has. */
    private static ClusterChange placement(String fsid, CrushMap crush, CrushForms.Item item, String location) {
        if (item.id() < 0) {
            return CrushChange.of(fsid, CrushChange.Kind.MOVE_BUCKET, crush.itemName(item.id()), location);
        }
        double weight = item.weight() != null ? item.weight() : osdWeight(crush, item.id());
        return CrushChange.setOsd(fsid, "osd." + item.id(), location, weight);
    }

    /** Every item must exist, be no shadow bucket, not be the bucket itself, and come once; weights are not negative. */
    private static void checkItems(CrushMap crush, List<CrushForms.Item> items, Integer self, List<FieldError> errors) {
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
            } else if (item.id() < 0 && crush.bucket(item.id()).isEmpty()) {
                errors.add(new FieldError(field + ".id", "no bucket " + item.id()));
            } else if (item.id() >= 0 && !crush.hasDevice(item.id())) {
                errors.add(new FieldError(field + ".id", "no OSD " + item.id() + " in the CRUSH map"));
            } else if (item.weight() != null && (item.weight() < 0 || item.weight().isNaN() || item.weight().isInfinite())) {
                errors.add(new FieldError(field + ".weight", "must be a weight of 0 or more"));
            }
        }
    }

    /** The OSD's weight where it is linked, in the usual units; 0 for an OSD no bucket holds. */
    private static double osdWeight(CrushMap crush, int id) {
        return crush.parentOf(id).flatMap(bucket -> bucket.items().stream().filter(item -> item.id() == id).findFirst())
                .map(CrushMap.Item::usualWeight).orElse(0.0);
    }

    private static void requireFreeRuleName(CrushMap crush, String name) {
        if (crush.hasRuleNamed(name)) {
            throw new Conflict("RuleExists", "there is a CRUSH rule '" + name + "' already",
                    List.of(new FieldError("name", "is taken")));
        }
    }

    private static void requireFreeItemName(CrushMap crush, String name) {
        if (crush.hasItemNamed(name)) {
            throw new Conflict("NameTaken", "the CRUSH map already has an item named '" + name + "'",
                    List.of(new FieldError("name", "is taken")));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
