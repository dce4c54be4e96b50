package io.loligo.metrics;

import io.loligo.contracts.api.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types Jackson writes by reflection, for a native image. Metric batches need none: they travel as line
 * protocol, and the query answers are written as trees.
 */
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class})
final class NativeRegistrations {
    private NativeRegistrations() {
    }
}
