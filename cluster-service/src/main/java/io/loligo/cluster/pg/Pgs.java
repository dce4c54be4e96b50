package io.loligo.cluster.pg;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.PgView;
import io.loligo.contracts.command.PgChange;
import io.loligo.contracts.refusal.NotAllowed;
import io.loligo.contracts.refusal.NotFound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PGs as the API shows them, and the changes PG commands make. Pure. */
public final class Pgs {
    private static final Map<String, PgChange.Kind> COMMANDS = Map.of(
            "scrub", PgChange.Kind.SCRUB, "deep_scrub", PgChange.Kind.DEEP_SCRUB, "repair", PgChange.Kind.REPAIR);

    private static final DateTimeFormatter CEPH_STAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd").appendPattern("[' '][\'T\']").appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter();

    private Pgs() {
    }

    /** @param pgs the {@code pgs} of an agent's page, as {@code pg dump pgs_brief} lists them */
    public static List<PgView> views(JsonNode pgs, String poolName) {
        List<PgView> views = new ArrayList<>();
        for (JsonNode pg : pgs) {
            String state = pg.path("state").asText();
            views.add(new PgView(pg.path("pgid").asText(), poolName, state, ids(pg.path("up")), ids(pg.path("acting")),
                    pg.path("up_primary").asInt(), pg.path("acting_primary").asInt(), validCommands(state),
                    stamp(pg.path("last_scrub_stamp")), stamp(pg.path("last_deep_scrub_stamp"))));
        }
        return views;
    }

    /** Ceph's stamps ("2026-11-26T13:22:52.562427+0000"; older releases put a space for the T and no offset), or null. */
    static Instant stamp(JsonNode stamp) {
        if (!stamp.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(stamp.asText(), CEPH_STAMP).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Ceph scrubs and repairs only active PGs. */
    static List<String> validCommands(String state) {
        return List.of(state.split("\\+")).contains("active") ? PgView.COMMANDS : List.of();
    }

    /** @throws NotFound for a command Loligo does not implement, NotAllowed for one not valid on this PG now */
    public static Planned command(String fsid, PgView pg, String command) {
        PgChange.Kind kind = COMMANDS.get(command);
        if (kind == null) {
            throw new NotFound("Command", "no PG command '" + command + "'; known: " + String.join(", ", PgView.COMMANDS));
        }
        if (!pg.validCommands().contains(command)) {
            throw new NotAllowed("CommandNotValid", command + " not valid on PG " + pg.id() + " now: it is " + pg.state());
        }
        return new Planned("Running " + command + " on PG " + pg.id(), List.of(new PgChange(fsid, pg.id(), kind)));
    }

    private static List<Integer> ids(JsonNode array) {
        List<Integer> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asInt()));
        return ids;
    }
}
