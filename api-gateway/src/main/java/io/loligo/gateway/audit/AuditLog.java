package io.loligo.gateway.audit;

import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PageRequest;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.gateway.config.GatewayConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Where every mutation is written, and read back by administrators, newest first. */
@ApplicationScoped
public class AuditLog {
    static final int DEFAULT_PAGE_SIZE = 100;
    private static final Set<String> OUTCOMES = Set.of("succeeded", "refused", "failed", AuditView.STARTED);
    /** How many refused calls without a login are kept each minute, as samples; the rest are counted. */
    static final int ANONYMOUS_SAMPLES_PER_MINUTE = 60;

    @Inject
    GatewayConfig config;

    private final RefusalSampler anonymous = new RefusalSampler(ANONYMOUS_SAMPLES_PER_MINUTE);

    /** A change about to run, in its own transaction: committed before the change starts. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void start(AuditEntryEntity entry) {
        entry.bound();
        entry.persist();
    }

    /** The outcome of a change recorded as started. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(long id, AuditEntryEntity outcome) {
        AuditEntryEntity entry = AuditEntryEntity.findById(id);
        entry.body = outcome.body;
        entry.status = outcome.status;
        entry.outcome = outcome.outcome;
        entry.reason = outcome.reason;
        entry.requestId = outcome.requestId;
        entry.bound();
    }

    /**
     * A request refused before any endpoint ran. Those of logged-in callers are all kept; those without a login,
     * which anyone can send by the thousand, are kept as samples, and how many were not is written each minute.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusal(AuditEntryEntity entry) {
        if (entry.username == null && !anonymous.offer(entry.at)) {
            return;
        }
        entry.bound();
        entry.persist();
    }

    @Transactional
    @Scheduled(every = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recordUnkept() {
        long count = anonymous.drainUnkept();
        if (count == 0) {
            return;
        }
        AuditEntryEntity summary = new AuditEntryEntity();
        summary.at = Instant.now();
        summary.source = "many";
        summary.method = "*";
        summary.path = "(" + count + " more calls without a login refused; only the first "
                + ANONYMOUS_SAMPLES_PER_MINUTE + " of each minute are kept)";
        summary.status = 0;
        summary.outcome = "refused";
        summary.reason = "NotKept";
        summary.persist();
        Log.warnf("refused %d more calls without a login than the audit log keeps", count);
    }

    @Transactional
    @Scheduled(every = "1h", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        long purged = AuditEntryEntity.delete("at < ?1", Instant.now().minus(config.auditRetention()));
        if (purged > 0) {
            Log.infof("deleted %d audit entries older than %s", purged, config.auditRetention());
        }
    }

    /**
     * @param path a prefix of the path, such as {@code /api/v3/cluster/<fsid>/pool}
     * @param since and {@code until}: ISO-8601 instants, both inclusive
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditView> query(String user, String method, String path, String outcome, String since, String until,
                                 String page, String pageSize) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest paging = PageRequest.parse(page, pageSize, errors);
        Instant from = instant("since", since, errors);
        Instant to = instant("until", until, errors);
        if (QueryValues.blankToNull(outcome) != null && !OUTCOMES.contains(outcome)) {
            errors.add(new FieldError("outcome", "must be succeeded, refused or failed, not '" + outcome + "'"));
        }
        InvalidInput.refuseIfAny(errors);
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        StringBuilder echoed = new StringBuilder();
        condition(conditions, parameters, echoed, "user", "username = :user", user, user);
        condition(conditions, parameters, echoed, "method", "method = :method", method,
                method == null ? null : method.toUpperCase(Locale.ROOT));
        condition(conditions, parameters, echoed, "path", "path like :path escape '\\'", path, path == null ? null : escapeLike(path) + "%");
        condition(conditions, parameters, echoed, "outcome", "outcome = :outcome", outcome, outcome);
        condition(conditions, parameters, echoed, "since", "at >= :since", since, from);
        condition(conditions, parameters, echoed, "until", "at <= :until", until, to);
        String condition = String.join(" and ", conditions);
        String where = condition.isEmpty() ? "" : " where " + condition;
        // the page and the number of entries in all in one round trip: each row carries the count, worked out once
        TypedQuery<Object[]> query = Panache.getEntityManager().createQuery("select this, (select count(*) from AuditEntryEntity"
                + where + ") from AuditEntryEntity" + where + " order by at desc, id desc", Object[].class);
        parameters.map().forEach(query::setParameter);
        List<Object[]> rows = query.setFirstResult(Math.toIntExact(paging.offset(DEFAULT_PAGE_SIZE)))
                .setMaxResults(paging.size(DEFAULT_PAGE_SIZE)).getResultList();
        List<AuditView> results = rows.stream().map(row -> AuditView.of((AuditEntryEntity) row[0])).toList();
        // a page past the end has no row to carry the count
        long count = !rows.isEmpty() ? (Long) rows.get(0)[1]
                : paging.offset(DEFAULT_PAGE_SIZE) == 0 ? 0 : AuditEntryEntity.count(condition, parameters);
        return paging.page(count, results, DEFAULT_PAGE_SIZE, echoed.toString());
    }

    /** Adds a filter the client gave, as {@code clause} with the parameter {@code :name}, and echoes it in page links. */
    private static void condition(List<String> conditions, Parameters parameters, StringBuilder echoed, String name,
                                  String clause, String given, Object value) {
        if (QueryValues.blankToNull(given) == null) {
            return;
        }
        conditions.add(clause);
        parameters.and(name, value);
        echoed.append(name).append('=').append(URLEncoder.encode(given, StandardCharsets.UTF_8)).append('&');
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (QueryValues.blankToNull(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-26T08:00:00Z, not '" + value + "'"));
            return null;
        }
    }

    private static String escapeLike(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
