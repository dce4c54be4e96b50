package io.loligo.gateway.agent;

import io.loligo.contracts.api.KeyApi;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.gateway.inventory.ClusterServiceClient;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;

/** Agent enrolment, for administrators: who may report on the clusters and take commands is theirs to decide. */
@Path(ApiPaths.V3)
@RolesAllowed(Roles.ADMINISTRATOR)
public class KeyResource implements KeyApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public List<KeyView> keys() {
        return clusterService.keys();
    }

    @Override
    public List<KeyView> decideKeys(List<KeyPatch> patches) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; patches != null && i < patches.size(); i++) {
            requireFingerprint(patches.get(i), "[" + i + "].", errors);
        }
        InvalidInput.refuseIfAny(errors);
        return clusterService.decideKeys(patches);
    }

    @Override
    public KeyView key(String id) {
        return clusterService.key(id);
    }

    @Override
    public KeyView decideKey(String id, KeyPatch patch) {
        List<FieldError> errors = new ArrayList<>();
        requireFingerprint(patch, "", errors);
        InvalidInput.refuseIfAny(errors);
        return clusterService.decideKey(id, patch);
    }

    /**
     * An acceptance names the key it accepts, so that the key accepted is the one compared with the agent's log
     * and not whatever key asked under that name since.
     */
    private static void requireFingerprint(KeyPatch patch, String prefix, List<FieldError> errors) {
        if (patch != null && "accepted".equals(patch.status()) && (patch.fingerprint() == null || patch.fingerprint().isBlank())) {
            errors.add(new FieldError(prefix + "fingerprint", "must name the key being accepted, as the agent logged it at its start"));
        }
    }

    @Override
    public Response deleteKey(String id) {
        return Response.status(clusterService.deleteKey(id).getStatus()).build();
    }
}
