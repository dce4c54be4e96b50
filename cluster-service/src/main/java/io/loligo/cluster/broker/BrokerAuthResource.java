package io.loligo.cluster.broker;

import io.loligo.cluster.agent.AgentKeys;
import io.loligo.cluster.broker.BrokerPolicy.Standing;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * RabbitMQ's HTTP auth backend ({@code rabbitmq_auth_backend_http}, set up by {@code dev/lib/rabbitmq.sh}): the
 * broker asks here whether an agent may log in and then, operation by operation, what it may do. The services' own
 * broker user is the broker's internal one, which it checks first, so they never come here.
 */
@Path("/internal/broker")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_PLAIN)
public class BrokerAuthResource {
    private static final String ALLOW = "allow";
    private static final String DENY = "deny";

    @Inject
    AgentKeys keys;
    @Inject
    BrokerPolicy policy;

    @POST
    @Path("/user")
    public String user(@FormParam("username") String username, @FormParam("password") String password) {
        return answer(keys.admitsToBroker(username, password));
    }

    @POST
    @Path("/vhost")
    public String vhost(@FormParam("vhost") String vhost) {
        return answer(policy.mayEnter(vhost));
    }

    @POST
    @Path("/resource")
    public String resource(@FormParam("username") String username, @FormParam("resource") String kind,
                           @FormParam("name") String name, @FormParam("permission") String permission) {
        return answer(username != null && kind != null && name != null && permission != null
                && policy.mayUse(username, kind, name, permission));
    }

    @POST
    @Path("/topic")
    public String topic(@FormParam("username") String username, @FormParam("name") String exchange,
                        @FormParam("permission") String permission, @FormParam("routing_key") String routingKey) {
        return answer(username != null && permission != null
                && policy.mayRoute(username, keys.isAccepted(username) ? Standing.ACCEPTED : Standing.PENDING, exchange, permission, routingKey));
    }

    private static String answer(boolean allowed) {
        return allowed ? ALLOW : DENY;
    }
}
