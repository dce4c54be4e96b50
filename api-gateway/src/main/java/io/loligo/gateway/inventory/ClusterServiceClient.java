package io.loligo.gateway.inventory;

import io.loligo.contracts.api.AlertApi;
import io.loligo.contracts.api.CliApi;
import io.loligo.contracts.api.ClusterStateApi;
import io.loligo.contracts.api.CrushApi;
import io.loligo.contracts.api.EventApi;
import io.loligo.contracts.api.FileSystemApi;
import io.loligo.contracts.api.InventoryApi;
import io.loligo.contracts.api.KeyApi;
import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.api.PgApi;
import io.loligo.contracts.api.PoolApi;
import io.loligo.contracts.api.RbdApi;
import io.loligo.contracts.api.RequestApi;
import io.loligo.contracts.api.RgwApi;
import io.loligo.gateway.kept.UpstreamAnswers;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** cluster-service's internal API: every path it serves, declared once in the contracts. */
@RegisterRestClient(configKey = "cluster-service")
@RegisterProvider(UpstreamProblems.class)
@RegisterProvider(UpstreamAnswers.class)
@Path("/internal/v2")
public interface ClusterServiceClient extends InventoryApi, ClusterStateApi, OsdApi, PoolApi, CrushApi, EventApi, RequestApi, PgApi, RbdApi, FileSystemApi, RgwApi,
        CliApi, KeyApi, AlertApi {
}
