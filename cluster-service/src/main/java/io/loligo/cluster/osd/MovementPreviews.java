package io.loligo.cluster.osd;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.MovementPreviewView;
import io.loligo.contracts.api.OsdPatch;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.PreviewOsdOut;

import java.util.ArrayList;
import java.util.List;

/** Which OSD changes can be previewed before they are made, and the agent's answer as the API's view. Pure. */
public final class MovementPreviews {
    private static final String OUT_ONLY = "no preview for this yet: only marking out ({\"in\": false}) is previewed";

    private MovementPreviews() {
    }

    /** @throws ApiException 400 naming each field that cannot be previewed */
    public static PreviewOsdOut osdChange(String fsid, int osd, OsdPatch patch) {
        List<FieldError> errors = new ArrayList<>();
        if (patch == null || patch.in() == null) {
            errors.add(new FieldError("in", "must be false: marking out is what can be previewed"));
        } else if (patch.in()) {
            errors.add(new FieldError("in", OUT_ONLY));
        }
        if (patch != null && patch.up() != null) {
            errors.add(new FieldError("up", OUT_ONLY));
        }
        if (patch != null && patch.reweight() != null) {
            errors.add(new FieldError("reweight", OUT_ONLY));
        }
        if (patch != null && patch.primaryAffinity() != null) {
            errors.add(new FieldError("primary_affinity", "moves no data: only the primary changes"));
        }
        ApiException.refuseIfAny(errors);
        return new PreviewOsdOut(fsid, osd);
    }

    public static MovementPreviewView view(JsonNode preview) {
        List<MovementPreviewView.OsdShift> osds = new ArrayList<>();
        preview.path("osds").forEach(osd -> osds.add(new MovementPreviewView.OsdShift(osd.path("osd").asInt(),
                osd.path("gains").asInt(), osd.path("loses").asInt())));
        List<String> moving = new ArrayList<>();
        preview.path("moving").forEach(pg -> moving.add(pg.asText()));
        return new MovementPreviewView(preview.path("osd_map_epoch").asLong(), preview.path("pgs").asInt(),
                preview.path("pgs_changed").asInt(), preview.path("pgs_moving").asInt(), preview.path("objects").asLong(),
                preview.path("bytes").asLong(), List.copyOf(osds), List.copyOf(moving), preview.path("moving_truncated").asBoolean(),
                preview.path("computed_ms").asLong());
    }
}
