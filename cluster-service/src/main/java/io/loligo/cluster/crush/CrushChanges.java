package io.loligo.cluster.crush;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.CrushForms;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.ClusterChange;
import io.loligo.contracts.command.CrushChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** CRUSH rule and bucket forms, checked against the CRUSH map as it is, turned into changes. Pure. */
public final class CrushChanges {
    private static final String SHADOW_MARK = "~";

    private CrushChanges() {
    }

    public static Planned createRule(String fsid, JsonNode crushDump, CrushForms.Rule form) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null) {
            throw ApiException.invalid(List.of(new FieldError("body", "give name, root and failure_domain")));
        }
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
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        requireFreeRuleName(crushDump, form.name());
        return new Planned("Creating CRUSH rule '" + form.name() + "'", List.of(new CrushChange(fsid,
                CrushChange.Kind.CREATE_REPLICATED_RULE, form.name(), form.root(), form.failureDomain(), form.deviceClass())));
    }

    /** Only a rule's name changes: its steps belong to the pools that use it. */
    public static Planned updateRule(String fsid, JsonNode crushDump, CrushViews.Rule rule, CrushForms.Rule form) {
        if (form == null || form.root() != null || form.failureDomain() != null || form.deviceClass() != null) {
            throw ApiException.invalid(List.of(new FieldError("body",
                    "only a rule's name can change; create a new rule and move the pools to it")));
        }
        if (blank(form.name()) || form.name().equals(rule.name())) {
            return new Planned("Renaming CRUSH rule '" + rule.name() + "'", List.of());
        }
        requireFreeRuleName(crushDump, form.name());
        return new Planned("Renaming CRUSH rule '" + rule.name() + "' to '" + form.name() + "'",
                List.of(CrushChange.of(fsid, CrushChange.Kind.RENAME_RULE, rule.name(), form.name())));
    }

    public static Planned deleteRule(String fsid, CrushViews.Rule rule, List<PoolView> pools) {
        List<String> users = pools.stream().filter(pool -> pool.crushRuleset() == rule.ruleset()).map(PoolView::name).toList();
        if (!users.isEmpty()) {
            throw new ApiException(409, "RuleInUse", "CRUSH rule '" + rule.name() + "' is used by " + String.join(", ", users));
        }
        return new Planned("Removing CRUSH rule '" + rule.name() + "'",
                List.of(CrushChange.of(fsid, CrushChange.Kind.REMOVE_RULE, rule.name(), null)));
    }

    public static Planned createNode(String fsid, JsonNode crushDump, CrushForms.Node form) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null) {
            throw ApiException.invalid(List.of(new FieldError("body", "give name and bucket_type")));
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
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        requireFreeItemName(crushDump, form.name());
        List<ClusterChange> changes = new ArrayList<>();
        changes.add(CrushChange.of(fsid, CrushChange.Kind.ADD_BUCKET, form.name(), form.bucketType()));
        parent.ifPresent(bucket -> changes.add(CrushChange.of(fsid, CrushChange.Kind.MOVE_BUCKET, form.name(), location(bucket))));
        return new Planned("Creating CRUSH bucket '" + form.name() + "'", changes);
    }

    public static Planned updateNode(String fsid, JsonNode crushDump, CrushViews.Node node, CrushForms.Node form) {
        if (form == null || (form.bucketType() != null && !form.bucketType().equals(node.bucketType()))) {
            throw ApiException.invalid(List.of(new FieldError("bucket_type", "is set when a bucket is created")));
        }
        List<ClusterChange> changes = new ArrayList<>();
        if (form.parent() != null && !form.parent().equals(parentOf(crushDump, node.id()).orElse(null))) {
            JsonNode parent = bucket(crushDump, form.parent()).orElseThrow(() ->
                    ApiException.invalid(List.of(new FieldError("parent", "no bucket " + form.parent()))));
            if (form.parent() == node.id()) {
                throw ApiException.invalid(List.of(new FieldError("parent", "a bucket cannot hold itself")));
            }
            changes.add(CrushChange.of(fsid, CrushChange.Kind.MOVE_BUCKET, node.name(), location(parent)));
        }
        // after the move, which still finds the bucket by its old name
        if (!blank(form.name()) && !form.name().equals(node.name())) {
            requireFreeItemName(crushDump, form.name());
            changes.add(CrushChange.of(fsid, CrushChange.Kind.RENAME_BUCKET, node.name(), form.name()));
        }
        return new Planned("Updating CRUSH bucket '" + node.name() + "'", changes);
    }

    public static Planned deleteNode(String fsid, CrushViews.Node node) {
        if (!node.items().isEmpty()) {
            throw new ApiException(409, "BucketNotEmpty", "CRUSH bucket '" + node.name() + "' still holds " + node.items().size()
                    + " items: move them out first");
        }
        return new Planned("Removing CRUSH bucket '" + node.name() + "'",
                List.of(CrushChange.of(fsid, CrushChange.Kind.REMOVE_BUCKET, node.name(), null)));
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

    private static boolean hasType(JsonNode crushDump, String type) {
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
                throw new ApiException(409, "RuleExists", "there is a CRUSH rule '" + name + "' already",
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
            throw new ApiException(409, "NameTaken", "the CRUSH map already has an item named '" + name + "'",
                    List.of(new FieldError("name", "is taken")));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
