package io.loligo.cluster.crush;

import io.loligo.cluster.crush.CrushMap.Op;
import io.loligo.contracts.api.CrushForms.Step;
import io.loligo.contracts.api.Problem.FieldError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A rule's steps as a user gives them, checked against the CRUSH map and made the map's own steps. Pure. */
final class RuleSteps {

    private RuleSteps() {
    }

    /** The steps of a replicated rule in short form: one copy per failure domain under root, of one class or any. */
    static List<Step> replicated(String root, String failureDomain, String deviceClass) {
        return List.of(new Step(Op.TAKE.dumped(), null, deviceClass == null ? root : root + CrushMap.CLASS_MARK + deviceClass, null, null),
                new Step(Op.CHOOSELEAF_FIRSTN.dumped(), null, null, 0, failureDomain),
                new Step(Op.EMIT.dumped(), null, null, null, null));
    }

    /**
     * @param field the name the errors carry, such as {@code steps}
     * @return the steps for the CRUSH map, or null when {@code errors} says why not
     */
    static List<CrushMap.Step> check(CrushMap crush, List<Step> steps, String field, List<FieldError> errors) {
        if (steps.isEmpty()) {
            errors.add(new FieldError(field, "a rule needs at least a take and an emit"));
            return null;
        }
        int errorsBefore = errors.size();
        List<CrushMap.Step> checked = new ArrayList<>();
        boolean taken = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = field + "[" + i + "]";
            Optional<Op> op = step == null ? Optional.empty() : Op.of(step.op()).filter(known -> known != Op.NOOP);
            if (op.isEmpty()) {
                errors.add(new FieldError(at + ".op", step == null || step.op() == null ? "is needed"
                        : "must be take, emit, one of " + names(Op.Kind.CHOOSE) + " or one of " + names(Op.Kind.TUNABLE)));
                continue;
            }
            switch (op.get().kind) {
                case TAKE -> {
                    taken = true;
                    take(crush, step, at, errors).ifPresent(bucket -> checked.add(CrushMap.Step.take(bucket)));
                }
                case CHOOSE -> {
                    if (!taken) {
                        errors.add(new FieldError(at + ".op", "comes after a take"));
                    }
                    if (step.num() == null) {
                        errors.add(new FieldError(at + ".num", "is needed: how many to choose, 0 for as many as the pool has copies"));
                    }
                    if (step.type() == null || !crush.hasType(step.type())) {
                        errors.add(new FieldError(at + ".type", "must name a CRUSH type, such as host"));
                    }
                    checked.add(CrushMap.Step.choose(op.get(), step.num() == null ? 0 : step.num(), step.type()));
                }
                case TUNABLE -> {
                    if (step.num() == null || step.num() < 0) {
                        errors.add(new FieldError(at + ".num", "is needed and not negative"));
                    }
                    checked.add(CrushMap.Step.tunable(op.get(), step.num() == null ? 0 : step.num()));
                }
                case PLAIN -> checked.add(CrushMap.Step.of(op.get()));
            }
        }
        Step last = steps.get(steps.size() - 1);
        // a last step already named for its unknown op needs no second message
        if (last != null && Op.of(last.op()).filter(op -> op != Op.EMIT && op != Op.NOOP).isPresent()) {
            errors.add(new FieldError(field + "[" + (steps.size() - 1) + "].op", "the last step must be emit"));
        }
        return errors.size() == errorsBefore ? checked : null;
    }

    private static List<String> names(Op.Kind kind) {
        return Arrays.stream(Op.values()).filter(op -> op.kind == kind).map(Op::dumped).sorted().toList();
    }

    /** A take names a bucket, or a device class on one, by name or by id. */
    private static Optional<CrushMap.Bucket> take(CrushMap crush, Step step, String at, List<FieldError> errors) {
        Optional<CrushMap.Bucket> bucket = step.itemName() != null ? crush.anyBucket(step.itemName())
                : step.item() != null ? crush.anyBucket(step.item()) : Optional.empty();
        if (bucket.isEmpty()) {
            errors.add(new FieldError(step.itemName() != null ? at + ".item_name" : at + ".item",
                    "must name a bucket of the CRUSH map, such as default, or default" + CrushMap.CLASS_MARK + "hdd for one device class"));
        }
        return bucket;
    }
}
