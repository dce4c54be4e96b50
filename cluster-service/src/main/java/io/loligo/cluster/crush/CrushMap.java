package io.loligo.cluster.crush;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.refusal.DependencyFailed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code osd crush dump}, read once into types: every view, change and text of the CRUSH map walks these, never the
 * dump's keys. A value Loligo does not know (a rule type, a step, a bucket algorithm or hash) is refused when the dump
 * is read, not guessed at: a rule of an unknown type written back as replicated would change what Ceph does. Pure.
 *
 * @param tunables    the numeric tunables by Ceph's names, in Ceph's order
 * @param chooseArgs  the weight sets by their id ({@code -1} is the compat set)
 */
public record CrushMap(Map<String, Long> tunables, List<Device> devices, List<Type> types, List<Bucket> buckets,
                       List<Rule> rules, Map<Long, List<WeightSet>> chooseArgs) {
    /** How a device class is named on a bucket: by its shadow bucket, {@code default~hdd}. */
    public static final String CLASS_MARK = "~";
    /** CRUSH keeps weights in 16.16 fixed point: 0x10000 is a weight of 1. */
    public static final double WEIGHT_UNIT = 0x10000;

    public CrushMap {
        tunables = Collections.unmodifiableMap(new LinkedHashMap<>(tunables));
        devices = List.copyOf(devices);
        types = List.copyOf(types);
        buckets = List.copyOf(buckets);
        rules = List.copyOf(rules);
        chooseArgs = Collections.unmodifiableMap(new LinkedHashMap<>(chooseArgs));
    }

    /** @param deviceClass null for a device of no class */
    public record Device(int id, String name, String deviceClass) {
    }

    public record Type(int id, String name) {
    }

    /** @param weight in 16.16 fixed point, as every weight of the map */
    public record Bucket(int id, String name, int typeId, String typeName, long weight, Algorithm algorithm, Hash hash,
                         List<Item> items) {
        public Bucket {
            items = List.copyOf(items);
        }

        /** CRUSH's own copy of a bucket for one device class, which follows it; operators never name one. */
        public boolean isShadow() {
            return name.contains(CLASS_MARK);
        }

        public boolean holds(int itemId) {
            return items.stream().anyMatch(item -> item.id() == itemId);
        }

        /** Ceph's form for "under this bucket": {@code <type>=<name>}. */
        public String location() {
            return typeName + "=" + name;
        }
    }

    /** An item of a bucket: a bucket (a negative id) or a device. */
    public record Item(int id, long weight, int pos) {
        public double usualWeight() {
            return weight / WEIGHT_UNIT;
        }
    }

    public enum Algorithm {
        UNIFORM, LIST, TREE, STRAW, STRAW2;

        public String dumped() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** CRUSH has one hash, number 0. */
    public enum Hash {
        RJENKINS1;

        public String dumped() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param ruleset Pacific's ruleset, the id where the dump has none */
    public record Rule(int id, String name, int ruleset, RuleType type, int minSize, int maxSize, List<Step> steps) {
        public Rule {
            steps = List.copyOf(steps);
        }

        public Rule withName(String newName) {
            return new Rule(id, newName, ruleset, type, minSize, maxSize, steps);
        }
    }

    /** Ceph's rule types by the numbers the dump gives them; raid4 is only ever read. */
    public enum RuleType {
        REPLICATED(1), RAID4(2), ERASURE(3);

        public final int number;

        RuleType(int number) {
            this.number = number;
        }

        public String dumped() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<RuleType> of(int number) {
            for (RuleType type : values()) {
                if (type.number == number) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A step of a rule: {@code take} has {@code item} and {@code itemName}; the choose ops {@code num} and
     * {@code type}; the tunable ops {@code num}; the rest nothing.
     */
    public record Step(Op op, Integer item, String itemName, Integer num, String type) {
        public static Step take(Bucket bucket) {
            return new Step(Op.TAKE, bucket.id(), bucket.name(), null, null);
        }

        public static Step choose(Op op, int num, String type) {
            return new Step(op, null, null, num, type);
        }

        public static Step tunable(Op op, int num) {
            return new Step(op, null, null, num, null);
        }

        public static Step of(Op op) {
            return new Step(op, null, null, null, null);
        }
    }

    /** The ops of rule steps, each named as Ceph dumps it. */
    public enum Op {
        NOOP(Kind.PLAIN), TAKE(Kind.TAKE), EMIT(Kind.PLAIN),
        CHOOSE_FIRSTN(Kind.CHOOSE), CHOOSELEAF_FIRSTN(Kind.CHOOSE), CHOOSE_INDEP(Kind.CHOOSE), CHOOSELEAF_INDEP(Kind.CHOOSE),
        SET_CHOOSE_TRIES(Kind.TUNABLE), SET_CHOOSELEAF_TRIES(Kind.TUNABLE), SET_CHOOSE_LOCAL_TRIES(Kind.TUNABLE),
        SET_CHOOSE_LOCAL_FALLBACK_TRIES(Kind.TUNABLE), SET_CHOOSELEAF_VARY_R(Kind.TUNABLE), SET_CHOOSELEAF_STABLE(Kind.TUNABLE);

        /** What a step of the op carries. */
        public enum Kind { PLAIN, TAKE, CHOOSE, TUNABLE }

        public final Kind kind;

        Op(Kind kind) {
            this.kind = kind;
        }

        public String dumped() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Op> of(String dumped) {
            for (Op op : values()) {
                if (op.dumped().equals(dumped)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One bucket's entry of a weight set.
     *
     * @param weights per position, each a weight per item; null when the entry has none
     * @param ids     the ids the items take in this set; null when the entry has none
     */
    public record WeightSet(int bucketId, List<List<Double>> weights, List<Integer> ids) {
    }

    /**
     * @throws DependencyFailed {@code CrushMapUnreadable}, naming the value, when the dump holds one Loligo does not
     *                          know or lacks one it needs
     */
    public static CrushMap read(JsonNode dump) {
        Map<String, Long> tunables = new LinkedHashMap<>();
        dump.path("tunables").fields().forEachRemaining(tunable -> {
            if (tunable.getValue().isIntegralNumber()) {
                tunables.put(tunable.getKey(), tunable.getValue().asLong());
            }
        });
        List<Device> devices = list(dump, "devices", device -> new Device(integer(device, "id"), text(device, "name"),
                device.hasNonNull("class") ? device.get("class").asText() : null));
        List<Type> types = list(dump, "types", type -> new Type(integer(type, "type_id"), text(type, "name")));
        List<Bucket> buckets = list(dump, "buckets", CrushMap::bucket);
        List<Rule> rules = list(dump, "rules", CrushMap::rule);
        Map<Long, List<WeightSet>> chooseArgs = new LinkedHashMap<>();
        dump.path("choose_args").fields().forEachRemaining(set -> {
            long id;
            try {
                id = Long.parseLong(set.getKey());
            } catch (NumberFormatException notANumber) {
                throw unreadable("choose_args has a set named '" + set.getKey() + "', not a number");
            }
            chooseArgs.put(id, list(set.getValue(), null, CrushMap::weightSet));
        });
        return new CrushMap(tunables, devices, types, buckets, rules, chooseArgs);
    }

    private static Bucket bucket(JsonNode bucket) {
        String name = text(bucket, "name");
        Algorithm algorithm = known(Algorithm.values(), Algorithm::dumped, text(bucket, "alg"), "bucket " + name + "'s alg");
        Hash hash = known(Hash.values(), Hash::dumped, text(bucket, "hash"), "bucket " + name + "'s hash");
        return new Bucket(integer(bucket, "id"), name, integer(bucket, "type_id"), text(bucket, "type_name"),
                number(bucket, "weight"), algorithm, hash,
                list(bucket, "items", item -> new Item(integer(item, "id"), number(item, "weight"), integer(item, "pos"))));
    }

    private static Rule rule(JsonNode rule) {
        int id = integer(rule, "rule_id");
        String name = text(rule, "rule_name");
        int typeNumber = integer(rule, "type");
        RuleType type = RuleType.of(typeNumber).orElseThrow(() ->
                unreadable("rule " + name + " has type " + typeNumber + ", which is none of " + List.of(RuleType.values())));
        int ruleset = rule.has("ruleset") ? integer(rule, "ruleset") : id;
        return new Rule(id, name, ruleset, type, integer(rule, "min_size"), integer(rule, "max_size"),
                list(rule, "steps", step -> step(name, step)));
    }

    private static Step step(String rule, JsonNode step) {
        Op op = known(Op.values(), Op::dumped, text(step, "op"), "a step of rule " + rule);
        return switch (op.kind) {
            case TAKE -> new Step(op, integer(step, "item"), text(step, "item_name"), null, null);
            case CHOOSE -> Step.choose(op, integer(step, "num"), text(step, "type"));
            case TUNABLE -> Step.tunable(op, integer(step, "num"));
            case PLAIN -> Step.of(op);
        };
    }

    private static WeightSet weightSet(JsonNode set) {
        List<List<Double>> weights = set.has("weight_set")
                ? list(set, "weight_set", position -> list(position, null, weight -> weight.asDouble())) : null;
        List<Integer> ids = set.has("ids") ? list(set, "ids", JsonNode::asInt) : null;
        return new WeightSet(integer(set, "bucket_id"), weights, ids);
    }

    private static <T> List<T> list(JsonNode parent, String field, Function<JsonNode, T> read) {
        JsonNode array = field == null ? parent : parent.path(field);
        if (!array.isMissingNode() && !array.isArray()) {
            throw unreadable("'" + field + "' is not a list");
        }
        List<T> items = new ArrayList<>(array.size());
        array.forEach(item -> items.add(read.apply(item)));
        return items;
    }

    private static <E extends Enum<E>> E known(E[] values, Function<E, String> dumped, String given, String what) {
        for (E value : values) {
            if (dumped.apply(value).equals(given)) {
                return value;
            }
        }
        throw unreadable(what + " is '" + given + "', which is none of "
                + Arrays.stream(values).map(dumped).toList());
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.canConvertToInt()) {
            throw unreadable("'" + field + "' of " + node + " is not a whole number");
        }
        return value.asInt();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.canConvertToLong()) {
            throw unreadable("'" + field + "' of " + node + " is not a whole number");
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw unreadable("'" + field + "' of " + node + " is not a text");
        }
        return value.asText();
    }

    private static DependencyFailed unreadable(String why) {
        return new DependencyFailed("CrushMapUnreadable", "Ceph's CRUSH map cannot be read: " + why);
    }

    /** A bucket an operator can name: any but the shadow buckets. */
    public Optional<Bucket> bucket(String name) {
        return buckets.stream().filter(bucket -> !bucket.isShadow() && bucket.name().equals(name)).findFirst();
    }

    public Optional<Bucket> bucket(int id) {
        return buckets.stream().filter(bucket -> !bucket.isShadow() && bucket.id() == id).findFirst();
    }

    /** Any bucket, shadow buckets too, by name: a take may name {@code default~hdd}. */
    public Optional<Bucket> anyBucket(String name) {
        return buckets.stream().filter(bucket -> bucket.name().equals(name)).findFirst();
    }

    public Optional<Bucket> anyBucket(int id) {
        return buckets.stream().filter(bucket -> bucket.id() == id).findFirst();
    }

    public Optional<Rule> rule(int id) {
        return rules.stream().filter(rule -> rule.id() == id).findFirst();
    }

    public boolean hasRuleNamed(String name) {
        return rules.stream().anyMatch(rule -> rule.name().equals(name));
    }

    public boolean hasType(String name) {
        return types.stream().anyMatch(type -> type.name().equals(name));
    }

    public boolean hasDevice(int id) {
        return devices.stream().anyMatch(device -> device.id() == id);
    }

    public boolean hasDeviceClass(String deviceClass) {
        return devices.stream().anyMatch(device -> deviceClass.equals(device.deviceClass()));
    }

    /** Whether a bucket or a device has the name. */
    public boolean hasItemNamed(String name) {
        return bucket(name).isPresent() || devices.stream().anyMatch(device -> device.name().equals(name));
    }

    /** An OSD's name, or a bucket's. */
    public String itemName(int id) {
        return id >= 0 ? "osd." + id : bucket(id).map(Bucket::name).orElseThrow();
    }

    /** The bucket an item is linked in, not counting shadow buckets. */
    public Optional<Bucket> parentOf(int id) {
        return buckets.stream().filter(bucket -> !bucket.isShadow() && bucket.holds(id)).findFirst();
    }

    /** The lowest id no rule has, as Ceph picks one. */
    public int freeRuleId() {
        Set<Integer> taken = new HashSet<>();
        rules.forEach(rule -> taken.add(rule.id()));
        int id = 0;
        while (taken.contains(id)) {
            id++;
        }
        return id;
    }

    /** This map with the rule in place of the one of its id, or added after the others. */
    public CrushMap withRule(Rule changed) {
        List<Rule> changedRules = new ArrayList<>(rules);
        changedRules.removeIf(rule -> rule.id() == changed.id());
        int at = 0;
        while (at < rules.size() && rules.get(at).id() != changed.id()) {
            at++;
        }
        changedRules.add(Math.min(at, changedRules.size()), changed);
        return new CrushMap(tunables, devices, types, buckets, changedRules, chooseArgs);
    }
}
