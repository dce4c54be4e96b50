package io.loligo.gateway.kept;

import io.loligo.contracts.api.LiveUpdate;
import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads how far cluster-service's live stream had got when it answered: a caller who saw a request complete in one
 * answer must not be shown a kept map from before it, though the stream has not yet brought the news here.
 */
@Provider
@ConstrainedTo(RuntimeType.CLIENT)
public class StreamPositionReader implements ClientResponseFilter {
    @Inject
    KeptReads reads;

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        // a call that got no answer at all (the connection refused or reset) has no headers
        MultivaluedMap<String, String> headers = response.getHeaders();
        String position = headers == null ? null : headers.getFirst(LiveUpdate.POSITION_HEADER);
        if (position != null) {
            reads.answeredAt(position);
        }
    }
}
