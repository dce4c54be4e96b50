package io.loligo.cluster.rest;

import io.loligo.cluster.agent.KeyDecisions;
import io.loligo.contracts.api.KeyApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;

@Path("/internal/v2")
public class KeyResource implements KeyApi {
    @Inject
    ActingUser actingUser;
    @Inject
    KeyDecisions keys;

    @Override
    public List<KeyView> keys() {
        return keys.list();
    }

    @Override
    public List<KeyView> decideKeys(List<KeyPatch> patches) {
        return keys.decide(patches, actingUser.name(), Instant.now());
    }

    @Override
    public KeyView key(String id) {
        return keys.get(id);
    }

    @Override
    public KeyView decideKey(String id, KeyPatch patch) {
        return keys.decide(id, patch, actingUser.name(), Instant.now());
    }

    @Override
    public Response deleteKey(String id) {
        keys.delete(id, actingUser.name(), Instant.now());
        return Response.noContent().build();
    }
}
