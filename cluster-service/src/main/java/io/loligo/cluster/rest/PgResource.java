package io.loligo.cluster.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.pg.Pgs;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PageRequest;
import io.loligo.contracts.api.PgApi;
import io.loligo.contracts.api.PgView;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.command.PgChange;
import io.loligo.contracts.command.ReadPgs;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Path("/internal/v2")
public class PgResource implements PgApi {
    static final int DEFAULT_PAGE_SIZE = 100;

    @Inject
    ClusterStateQueries state;
    @Inject
    InventoryQueries inventory;
    @Inject
    LiveReads liveReads;
    @Inject
    Mutations mutations;

    @Override
    public Page<PgView> pgs(String fsid, String pool, String page, String pageSize) {
        List<FieldError> errors = new ArrayList<>();
        PageRequest request = PageRequest.parse(page, pageSize, errors);
        InvalidInput.refuseIfAny(errors);
        PoolView found = pool(fsid, pool);
        JsonNode read = liveReads.read(new ReadPgs(fsid, found.id(), null,
                (int) Math.min(Integer.MAX_VALUE, request.offset(DEFAULT_PAGE_SIZE)), request.size(DEFAULT_PAGE_SIZE)));
        return request.page(read.path("count").asLong(), Pgs.views(read.path("pgs"), found.name()), DEFAULT_PAGE_SIZE, "");
    }

    @Override
    public Map<String, Map<String, List<String>>> pgValidCommands(String fsid, String pool, String pgid) {
        PgView pg = pg(fsid, pool, pgid);
        return Map.of(pg.id(), Map.of("valid_commands", pg.validCommands()));
    }

    @Override
    public Response runPgCommand(String fsid, String pool, String pgid, String command) {
        return mutations.run(fsid, Pgs.command(fsid, pg(fsid, pool, pgid), command));
    }

    private PgView pg(String fsid, String pool, String pgid) {
        PoolView found = pool(fsid, pool);
        if (pgid == null || !PgChange.PGID.matcher(pgid).matches() || !pgid.startsWith(found.id() + ".")) {
            throw new NotFound("Pg", "no PG " + pgid + " in pool " + found.name());
        }
        JsonNode read = liveReads.read(new ReadPgs(fsid, found.id(), pgid, 0, 1));
        return Pgs.views(read.path("pgs"), found.name()).stream().findFirst()
                .orElseThrow(() -> new NotFound("Pg", "no PG " + pgid + " in pool " + found.name()));
    }

    private PoolView pool(String fsid, String pool) {
        int poolId = QueryValues.pathId(pool, "pool");
        inventory.requireCluster(fsid);
        return state.pool(fsid, poolId);
    }
}
