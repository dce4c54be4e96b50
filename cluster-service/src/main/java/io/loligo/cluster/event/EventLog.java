package io.loligo.cluster.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.known.ClusterEntity;
import io.loligo.cluster.live.LiveUpdates;
import io.loligo.cluster.persistence.PageQuery;
import io.loligo.contracts.api.EventView;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PageRequest;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.refusal.InvalidInput;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Records events and reads them back, newest first. */
@ApplicationScoped
@Transactional
public class EventLog {
    /** Calamari's default page size for events. */
    static final int DEFAULT_PAGE_SIZE = 10;

    @Inject
    LiveUpdates live;

    public void record(List<Event> events, Instant at) {
        for (Event event : events) {
            EventEntity entity = new EventEntity();
            entity.at = at;
            entity.severity = (short) event.severity().level();
            entity.message = event.message();
            entity.fsid = event.fsid();
            entity.fqdn = event.fqdn();
            entity.serviceType = event.serviceType();
            entity.serviceId = event.serviceId();
            entity.persist();
            live.afterCommit(LiveUpdate.EVENT, String.valueOf(entity.id), entity.fsid, () -> view(entity));
            Log.infof("event %s: %s", event.severity(), event.message());
        }
    }

    /** Records what the change from {@code before} to {@code after} of a cluster map means. */
    public void recordMapChange(String fsid, ClusterMap map, JsonNode before, JsonNode after, Instant at) {
        String clusterName = ClusterEntity.<ClusterEntity>findByIdOptional(fsid).map(c -> c.name).orElse(fsid);
        record(MapEvents.between(fsid, clusterName, map, before, after), at);
        if (map == ClusterMap.HEALTH) {
            MapEvents.healthChange(before, after).ifPresent(change -> live.afterCommit(LiveUpdate.HEALTH, fsid, fsid, () -> change));
        }
    }

    /**
     * @param fsid only this cluster's events, when not null
     * @param fqdn only this server's events, when not null
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EventView> page(String fsid, String fqdn, String severity, String page, String pageSize) {
        List<FieldError> errors = new ArrayList<>();
        Severity threshold = severity(severity, errors);
        PageRequest request = PageRequest.parse(page, pageSize, errors);
        InvalidInput.refuseIfAny(errors);
        StringBuilder where = new StringBuilder("severity <= :level");
        Parameters parameters = Parameters.with("level", (short) threshold.level());
        if (fsid != null) {
            where.append(" and fsid = :fsid");
            parameters.and("fsid", fsid);
        }
        if (fqdn != null) {
            where.append(" and fqdn = :fqdn");
            parameters.and("fqdn", fqdn);
        }
        PageQuery.Rows<EventEntity> rows = PageQuery.read(EventEntity.class, where.toString(), parameters, "at desc, id desc",
                request.offset(DEFAULT_PAGE_SIZE), request.size(DEFAULT_PAGE_SIZE));
        String echoed = severity == null || severity.isBlank() ? "" : "severity=" + threshold.name() + "&";
        return request.page(rows.count(), rows.rows().stream().map(EventLog::view).toList(), DEFAULT_PAGE_SIZE, echoed);
    }

    private static Severity severity(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Severity.INFO;
        }
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAName) {
            try {
                return Severity.ofLevel(Integer.parseInt(value.strip()));
            } catch (IllegalArgumentException notALevel) {
                errors.add(new FieldError("severity", "must be CRITICAL, ERROR, WARNING, RECOVERY or INFO (or 1 to 5), not '" + value + "'"));
                return Severity.INFO;
            }
        }
    }

    private static EventView view(EventEntity event) {
        return new EventView(event.id, event.at.atOffset(ZoneOffset.UTC), Severity.ofLevel(event.severity).name(),
                event.message, event.fsid, event.fqdn, event.serviceType, event.serviceId);
    }
}
