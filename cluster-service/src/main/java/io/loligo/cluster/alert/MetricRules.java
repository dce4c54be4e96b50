package io.loligo.cluster.alert;

import io.loligo.cluster.live.LiveUpdates;
import io.loligo.contracts.api.AlertForms;
import io.loligo.contracts.api.AlertViews;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.metrics.Measurement;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Operators' threshold rules on metric series: made, listed and removed by operators, read by each evaluation. */
@ApplicationScoped
@Transactional
public class MetricRules {
    @Inject
    LiveUpdates live;

    public AlertViews.MetricRule create(AlertForms.MetricRule form, String user, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        MetricRule rule = MetricRule.check(form, errors).orElse(null);
        if (rule == null) {
            throw new InvalidInput(errors);
        }
        if (RuleEntity.count("name", rule.name()) > 0) {
            throw new Conflict("RuleExists", "a rule named " + rule.name() + " exists", List.of(new FieldError("name", "taken")));
        }
        RuleEntity kept = new RuleEntity();
        kept.name = rule.name();
        kept.measurement = rule.measurement().influxName();
        kept.field = rule.field();
        kept.tags = rule.tags();
        kept.aggregate = rule.aggregate();
        kept.windowSeconds = rule.window().toSeconds();
        kept.comparison = rule.comparison().symbol();
        kept.threshold = rule.threshold();
        kept.forSeconds = rule.holdFor().toSeconds();
        kept.severity = rule.severity().label();
        kept.description = rule.description();
        kept.createdBy = user;
        kept.createdAt = now;
        kept.persist();
        changed();
        return view(kept);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AlertViews.MetricRule> list() {
        return RuleEntity.<RuleEntity>list("order by name").stream().map(MetricRules::view).toList();
    }

    /** Every rule, as the evaluation applies it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MetricRule> all() {
        return RuleEntity.<RuleEntity>listAll().stream().map(MetricRules::rule).toList();
    }

    public void delete(String id) {
        ById.find(id, Long::valueOf, key -> RuleEntity.<RuleEntity>findById(key), "rule").delete();
        changed();
    }

    private static MetricRule rule(RuleEntity kept) {
        Measurement measurement = Measurement.named(kept.measurement)
                .orElseThrow(() -> new IllegalStateException("rule " + kept.name + " names a measurement gone: " + kept.measurement));
        MetricRule.Comparison comparison = MetricRule.Comparison.of(kept.comparison).orElseThrow();
        return new MetricRule(kept.name, measurement, kept.field, kept.tags, kept.aggregate, Duration.ofSeconds(kept.windowSeconds), comparison,
                kept.threshold, Duration.ofSeconds(kept.forSeconds), AlertSeverity.valueOf(kept.severity.toUpperCase(Locale.ROOT)),
                kept.description);
    }

    private void changed() {
        live.afterCommit(LiveUpdate.ALERT, "rules", null, () -> Map.of("rules", true));
    }

    static AlertViews.MetricRule view(RuleEntity rule) {
        return new AlertViews.MetricRule(rule.id, rule.name, rule.measurement, rule.field, rule.tags, rule.aggregate, rule.windowSeconds,
                rule.comparison, rule.threshold, rule.forSeconds, rule.severity, rule.description, rule.createdBy, rule.createdAt);
    }
}
