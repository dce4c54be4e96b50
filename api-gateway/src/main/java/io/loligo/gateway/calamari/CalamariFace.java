package io.loligo.gateway.calamari;

import io.loligo.contracts.api.Problem;
import io.loligo.gateway.rest.ApiPaths;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;

/**
 * What the Calamari faces answer differently from Loligo's own API, whichever endpoint answered and however the
 * answer came about (a resource, an exception mapper, a security check, a filter that refused the request): every
 * problem becomes the error body Calamari's clients read.
 */
public class CalamariFace {

    @ServerResponseFilter
    public void calamariErrors(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && ApiPaths.isCalamari(request.getUriInfo().getPath())) {
            Response translated = DrfErrors.translate(problem, request.getMethod(), request.getHeaderString(HttpHeaders.CONTENT_TYPE));
            response.setStatus(translated.getStatus());
            response.setEntity(translated.getEntity(), new Annotation[0], translated.getMediaType());
        }
    }
}
