package io.loligo.cluster.osd;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.OsdPatch;
import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.ClusterChange;
import io.loligo.contracts.command.OsdChange;
import io.loligo.contracts.command.OsdFlagChange;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotAllowed;
import io.loligo.contracts.refusal.NotFound;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns what a user asks of OSDs into the changes that make it so, against the OSD map as it is: nothing when it
 * already is so, and a 400 naming each field that cannot be. Pure.
 */
public final class OsdChanges {
    /** Weights are shown with four decimals; closer ones are the same weight. */
    private static final double SAME_WEIGHT = 1e-4;
    private static final Map<String, OsdChange.Kind> COMMANDS = Map.of(
            "scrub", OsdChange.Kind.SCRUB, "deep_scrub", OsdChange.Kind.DEEP_SCRUB, "repair", OsdChange.Kind.REPAIR);

    private OsdChanges() {
    }

    public static Planned patch(String fsid, OsdView osd, OsdPatch patch) {
        List<FieldError> errors = new ArrayList<>();
        if (patch == null || (patch.in() == null && patch.up() == null && patch.reweight() == null && patch.primaryAffinity() == null)) {
            throw InvalidInput.of("body", "give at least one of in, up, reweight, primary_affinity");
        }
        if (Boolean.TRUE.equals(patch.up())) {
            errors.add(new FieldError("up", "can only be false: Ceph marks an OSD up when the OSD reports in"));
        }
        checkWeight("reweight", patch.reweight(), errors);
        checkWeight("primary_affinity", patch.primaryAffinity(), errors);
        InvalidInput.refuseIfAny(errors);
        List<ClusterChange> changes = new ArrayList<>();
        List<String> described = new ArrayList<>();
        if (patch.in() != null && patch.in() != osd.in()) {
            changes.add(OsdChange.of(fsid, osd.id(), patch.in() ? OsdChange.Kind.MARK_IN : OsdChange.Kind.MARK_OUT));
            described.add(patch.in() ? "in" : "out");
        }
        if (Boolean.FALSE.equals(patch.up()) && osd.up()) {
            changes.add(OsdChange.of(fsid, osd.id(), OsdChange.Kind.MARK_DOWN));
            described.add("down");
        }
        if (patch.reweight() != null && Math.abs(patch.reweight() - osd.reweight()) > SAME_WEIGHT) {
            changes.add(new OsdChange(fsid, osd.id(), OsdChange.Kind.REWEIGHT, patch.reweight()));
            described.add("reweight " + patch.reweight());
        }
        if (patch.primaryAffinity() != null && Math.abs(patch.primaryAffinity() - osd.primaryAffinity()) > SAME_WEIGHT) {
            changes.add(new OsdChange(fsid, osd.id(), OsdChange.Kind.PRIMARY_AFFINITY, patch.primaryAffinity()));
            described.add("primary affinity " + patch.primaryAffinity());
        }
        return new Planned("Updating osd." + osd.id() + ": " + String.join(", ", described), changes);
    }

    public static boolean isCommand(String command) {
        return COMMANDS.containsKey(command);
    }

    /**
     * @throws NotFound for a command Loligo does not implement, NotAllowed for one not valid on this OSD now
     */
    public static Planned command(String fsid, OsdView osd, String command) {
        OsdChange.Kind kind = COMMANDS.get(command);
        if (kind == null) {
            throw new NotFound("Command", "no OSD command '" + command + "'; known: " + String.join(", ", OsdView.COMMANDS));
        }
        if (!osd.validCommands().contains(command)) {
            throw new NotAllowed("CommandNotValid", command + " not valid on osd." + osd.id() + " now: it is down");
        }
        return new Planned("Running " + command + " on osd." + osd.id(), List.of(OsdChange.of(fsid, osd.id(), kind)));
    }

    /** Calamari's {@code osd_config}: each flag set or not, from the OSD map's flags. */
    public static Map<String, Boolean> flags(JsonNode osdDump) {
        Set<String> set = Arrays.stream(osdDump.path("flags").asText("").split(",")).map(String::strip).collect(Collectors.toSet());
        Map<String, Boolean> flags = new TreeMap<>();
        // "osd set pause" sets both of these
        OsdFlagChange.FLAGS.forEach(flag -> flags.put(flag, flag.equals("pause")
                ? set.contains("pauserd") && set.contains("pausewr") : set.contains(flag)));
        return flags;
    }

    public static Planned flags(String fsid, JsonNode osdDump, Map<String, Boolean> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            throw InvalidInput.of("body", "give at least one flag: " + String.join(", ", new TreeMap<>(flags(osdDump)).keySet()));
        }
        List<FieldError> errors = new ArrayList<>();
        wanted.forEach((flag, value) -> {
            if (!OsdFlagChange.FLAGS.contains(flag)) {
                errors.add(new FieldError(flag, "is not an OSD flag Loligo sets; known: " + String.join(", ", new TreeMap<>(flags(osdDump)).keySet())));
            } else if (value == null) {
                errors.add(new FieldError(flag, "must be true or false"));
            }
        });
        InvalidInput.refuseIfAny(errors);
        Map<String, Boolean> current = flags(osdDump);
        List<ClusterChange> changes = new ArrayList<>();
        List<String> described = new ArrayList<>();
        new TreeMap<>(wanted).forEach((flag, value) -> {
            if (current.get(flag) != value) {
                changes.add(new OsdFlagChange(fsid, flag, value));
                described.add((value ? "setting " : "clearing ") + flag);
            }
        });
        return new Planned("OSD flags: " + String.join(", ", described).toLowerCase(Locale.ROOT), changes);
    }

    private static void checkWeight(String field, Double weight, List<FieldError> errors) {
        if (weight != null && (weight.isNaN() || weight < 0 || weight > 1)) {
            errors.add(new FieldError(field, "must be between 0 and 1"));
        }
    }
}
