package io.loligo.gateway.calamari;

import io.loligo.gateway.rest.ApiPaths;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Calamari v2's login, server description and users, as v1's. */
@Path(ApiPaths.CALAMARI_V2)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
public class CalamariV2Accounts extends CalamariCommon {
}
