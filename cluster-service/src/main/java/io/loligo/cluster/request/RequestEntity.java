package io.loligo.cluster.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "request")
public class RequestEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String fsid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestState state;

    @Column(nullable = false)
    public String headline;

    @Column(nullable = false)
    public String phase;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "error_message")
    public String errorMessage;

    /** The changes, run in order, one at a time, in their wire form (see {@link Requests#changes}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode commands;

    /** The change in flight, or the next to send; equal to the number of changes once all have run. */
    @Column(name = "next_command", nullable = false)
    public int nextCommand;

    /** The agent the change in flight went to. */
    public String agent;

    /** When the current phase began: the change in flight was sent, or the wait for the OSD map started. */
    @Column(name = "phase_since")
    public Instant phaseSince;

    /** How often the change in flight was sent again without an answer. */
    @Column(nullable = false)
    public int resends;

    /** How far the change in flight got, in percent, as its agent last reported; null for a change that reports none. */
    @Column(name = "change_percent")
    public Integer changePercent;

    /** Since when the change in flight has waited for the monitors to answer its agent; null while they do. */
    @Column(name = "monitors_wait_since")
    public Instant monitorsWaitSince;

    /** Since when this complete request follows the data its change moves; null when it moves none. */
    @Column(name = "movement_since")
    public Instant movementSince;

    /** The most objects seen misplaced or degraded while following: the whole way the movement has to go. */
    @Column(name = "movement_objects")
    public Long movementObjects;

    /** When the following ended: the data settled, a later request took it over, or it was followed long enough. */
    @Column(name = "movement_ended_at")
    public Instant movementEndedAt;

    /** Set once every change has run: the request completes when the held OSD map reaches this epoch. */
    @Column(name = "awaited_osd_epoch")
    public Long awaitedOsdEpoch;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<LogLine> log = new ArrayList<>();

    public record LogLine(Instant at, String message) {
    }
}
