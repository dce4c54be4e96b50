package io.loligo.cluster.osd;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.MovementPreviewView;
import io.loligo.contracts.api.OsdPatch;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.PreviewOsdWeight;
import io.loligo.contracts.refusal.InvalidInput;

import java.util.ArrayList;
import java.util.List;

/** Which OSD changes can be previewed before they are made, and the agent's answer as the API's view. Pure. */
public final class MovementPreviews {
    private MovementPreviews() {
    }

    /**
     * The override weight the patch would give the OSD: 0 for {@code {"in": false}}, 1 for {@code {"in": true}}, its
     * {@code reweight} otherwise.
     *
     * @throws InvalidInput naming each field that moves nothing or cannot be previewed with the others
     */
    public static PreviewOsdWeight osdChange(String fsid, int osd, OsdPatch patch) {
        List<FieldError> errors = new ArrayList<>();
        if (patch == null || patch.in() == null && patch.reweight() == null) {
            errors.add(new FieldError("in", "give in or reweight: the change to preview"));
        } else if (patch.in() != null && patch.reweight() != null) {
            errors.add(new FieldError("reweight", "one change at a time: in, or reweight"));
        } else if (patch.reweight() != null && !(patch.reweight() >= 0 && patch.reweight() <= 1)) {
            errors.add(new FieldError("reweight", "must be between 0 and 1"));
        }
        if (patch != null && patch.up() != null) {
            errors.add(new FieldError("up", "moves no data: a down OSD's PGs wait for it until it is out"));
        }
        if (patch != null && patch.primaryAffinity() != null) {
            errors.add(new FieldError("primary_affinity", "moves no data: only the primary changes"));
        }
        InvalidInput.refuseIfAny(errors);
        double weight = patch.in() != null ? (patch.in() ? 1 : 0) : patch.reweight();
        return new PreviewOsdWeight(fsid, osd, weight);
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
