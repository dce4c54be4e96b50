package io.loligo.cluster.osd;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.DeviceView;
import io.loligo.contracts.api.HostDevicesView;
import io.loligo.contracts.api.OsdForms;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.OsdChange;
import io.loligo.contracts.command.OsdDrain;
import io.loligo.contracts.command.OsdProvision;
import io.loligo.contracts.command.OsdRemoval;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An OSD's life through requests: made on an available device (or a destroyed one replaced), drained, destroyed and
 * purged; every field and Ceph's own safety check answered before anything reaches an agent. Pure.
 */
public final class OsdLifecycle {
    private OsdLifecycle() {
    }

    /**
     * @param devices the host's devices read now
     * @param osdDump the OSD map held
     * @throws InvalidInput naming each bad field, NotFound for a device the host does not list, Conflict for a device not
     *                      available or an id that is not a destroyed OSD's
     */
    public static Planned create(String fsid, String host, HostDevicesView devices, JsonNode osdDump, OsdForms.Create form) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null || form.device() == null || form.device().isBlank()) {
            errors.add(new FieldError("device", "is required: the path of one of " + host + "'s available devices"));
        }
        if (form != null && form.deviceClass() != null && !OsdProvision.CRUSH_NAME.matcher(form.deviceClass()).matches()) {
            errors.add(new FieldError("device_class", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        if (form != null && form.crushLocation() != null) {
            form.crushLocation().forEach((type, name) -> {
                if (type == null || name == null || !OsdProvision.CRUSH_NAME.matcher(type).matches() || !OsdProvision.CRUSH_NAME.matcher(name).matches()) {
                    errors.add(new FieldError("crush_location", "each bucket type and name must be 1 to 64 letters, digits, '.', '_' or '-'"));
                }
            });
        }
        if (form != null && form.osdId() != null && form.osdId() < 0) {
            errors.add(new FieldError("osd_id", "must be a destroyed OSD's id"));
        }
        InvalidInput.refuseIfAny(errors);
        DeviceView device = devices.devices().stream().filter(listed -> listed.path().equals(form.device())).findFirst()
                .orElseThrow(() -> new NotFound("Device", host + " has no device " + form.device() + "; it has "
                        + devices.devices().stream().map(DeviceView::path).toList()));
        if (!Boolean.TRUE.equals(device.available())) {
            throw new Conflict("DeviceUnavailable", device.path() + " cannot take a new OSD"
                    + (device.rejectedReasons().isEmpty() ? "" : ": " + String.join("; ", device.rejectedReasons())));
        }
        if (form.osdId() != null && !destroyed(osdDump, form.osdId()).orElseThrow(() -> new Conflict("OsdNotDestroyed",
                "there is no osd." + form.osdId() + " to replace: only a destroyed OSD's id is taken again"))) {
            throw new Conflict("OsdNotDestroyed", "osd." + form.osdId() + " is not destroyed: destroy it before it is replaced");
        }
        OsdProvision provision = new OsdProvision(fsid, host, device.path(), form.osdId(), form.deviceClass(),
                form.crushLocation() == null ? Map.of() : form.crushLocation());
        return new Planned((form.osdId() == null ? "Create an OSD" : "Replace osd." + form.osdId()) + " on " + device.path() + " of " + host,
                List.of(provision));
    }

    /** @throws NotFound for an OSD not in the map, Conflict for a destroyed one */
    public static Planned drain(String fsid, int osd, JsonNode osdDump) {
        if (destroyed(osdDump, osd).orElseThrow(() -> unknown(fsid, osd))) {
            throw new Conflict("OsdDestroyed", "osd." + osd + " is destroyed already: nothing is left on it to drain");
        }
        return new Planned("Drain osd." + osd, List.of(new OsdDrain(fsid, osd)));
    }

    /**
     * @param host the fqdn of the server the OSD runs on, null when none is known
     * @param safeToDestroy Ceph's verdict, asked only when needed
     * @throws InvalidInput without the OSD's name typed, NotFound for an OSD not in the map, Conflict {@code NotSafeToDestroy}
     *                      with Ceph's reason unless overridden, or for one already destroyed
     */
    public static Planned remove(String fsid, int osd, String host, JsonNode osdDump, OsdForms.Removal form, boolean purge,
                                 Supplier<JsonNode> safeToDestroy) {
        String name = "osd." + osd;
        boolean destroyed = destroyed(osdDump, osd).orElseThrow(() -> unknown(fsid, osd));
        List<FieldError> errors = new ArrayList<>();
        if (form == null || !name.equals(form.confirm())) {
            errors.add(new FieldError("confirm", "must be the OSD's name, " + name + ", typed to " + (purge ? "purge" : "destroy") + " it"));
        }
        boolean overridden = form != null && form.override() != null;
        if (overridden && !name.equals(form.override())) {
            errors.add(new FieldError("override", "must be the OSD's name, " + name + ", typed to go against Ceph's safe-to-destroy"));
        }
        InvalidInput.refuseIfAny(errors);
        if (destroyed) {
            if (!purge) {
                throw new Conflict("OsdDestroyed", name + " is destroyed already; purge it, or replace it on a new device");
            }
            return new Planned("Purge " + name + ", destroyed already", List.of(OsdChange.of(fsid, osd, OsdChange.Kind.PURGE_DESTROYED)));
        }
        if (host == null) {
            throw new Conflict("OsdHostUnknown", "no server is known to run " + name + ": its host's agent wipes its device");
        }
        if (!overridden) {
            JsonNode verdict = safeToDestroy.get();
            if (!verdict.path("ok").asBoolean()) {
                throw new Conflict("NotSafeToDestroy", "Ceph says " + name + " is not safe to destroy: " + verdict.path("reason").asText()
                        + ". Drain it first, or give its name as override to " + (purge ? "purge" : "destroy") + " it anyway.");
            }
        }
        return new Planned((purge ? "Purge " : "Destroy ") + name + " on " + host + (overridden ? " against Ceph's safe-to-destroy" : ""),
                List.of(new OsdRemoval(fsid, host, osd, purge, !overridden)));
    }

    /** Whether the OSD map's entry for the OSD says destroyed; empty when the map has no such OSD. */
    static Optional<Boolean> destroyed(JsonNode osdDump, int osd) {
        for (JsonNode entry : osdDump.path("osds")) {
            if (entry.path("osd").asInt(-1) == osd) {
                boolean destroyed = false;
                for (JsonNode state : entry.path("state")) {
                    destroyed |= state.asText().equals("destroyed");
                }
                return Optional.of(destroyed);
            }
        }
        return Optional.empty();
    }

    private static NotFound unknown(String fsid, int osd) {
        return new NotFound("Osd", "no osd." + osd + " in cluster " + fsid);
    }
}
