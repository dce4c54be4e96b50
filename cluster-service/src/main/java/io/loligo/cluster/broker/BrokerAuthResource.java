package io.loligo.cluster.broker;

import io.loligo.cluster.agent.AgentTrust;
import io.loligo.cluster.broker.BrokerPolicy.Standing;
import io.loligo.contracts.identity.ServiceTokens;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.MessageDigest;

/**
 * RabbitMQ's HTTP auth backend ({@code rabbitmq_auth_backend_http}, set up by {@code dev/lib/rabbitmq.sh}): the
 * broker asks here whether an agent may log in and then, operation by operation, what it may do. The services' own
 * broker user is the broker's internal one, which it checks first, so they never come here. The broker's paths hold
 * the services' secret ({@code loligo.internal.secret}), which nobody else has: whoever asks without it is told no.
 */
@Path("/internal/broker/{secret}")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_PLAIN)
public class BrokerAuthResource {
    private static final String ALLOW = "allow";
    private static final String DENY = "deny";
    /** The reason an agent's use of the broker counts as refused when this service denies it. */
    public static final String DENIED = "broker-denied";

    @Inject
    AgentTrust trust;
    @Inject
    BrokerPolicy policy;
    @Inject
    RefusedAgentMessages refused;
    @ConfigProperty(name = "loligo.internal.secret")
    String secret;

    @POST
    @Path("/user")
    public String user(@PathParam("secret") String given, @FormParam("username") String username, @FormParam("password") String password) {
        return answer(fromBroker(given) && trust.admitsToBroker(username, password));
    }

    @POST
    @Path("/vhost")
    public String vhost(@PathParam("secret") String given, @FormParam("vhost") String vhost) {
        return answer(fromBroker(given) && policy.mayEnter(vhost));
    }

    @POST
    @Path("/resource")
    public String resource(@PathParam("secret") String given, @FormParam("username") String username, @FormParam("resource") String kind,
                           @FormParam("name") String name, @FormParam("permission") String permission) {
        return fromBroker(given) ? decide(username != null && kind != null && name != null && permission != null
                && policy.mayUse(username, kind, name, permission), "%s may not %s %s %s", username, permission, kind, name) : DENY;
    }

    @POST
    @Path("/topic")
    public String topic(@PathParam("secret") String given, @FormParam("username") String username, @FormParam("name") String exchange,
                        @FormParam("permission") String permission, @FormParam("routing_key") String routingKey) {
        return fromBroker(given) ? decide(username != null && permission != null
                && policy.mayRoute(username, trust.isAccepted(username) ? Standing.ACCEPTED : Standing.PENDING, exchange, permission, routingKey),
                "%s may not %s %s with routing key %s", username, permission, exchange, routingKey) : DENY;
    }

    /** In constant time: how long the comparison takes says nothing of how much of the secret was right. */
    private boolean fromBroker(String given) {
        boolean known = MessageDigest.isEqual(ServiceTokens.secret(secret), ServiceTokens.secret(given));
        if (!known) {
            refused.refuse("broker-question-without-secret", "a question to the broker's auth backend without the services' secret");
        }
        return known;
    }

    private static String answer(boolean allowed) {
        return allowed ? ALLOW : DENY;
    }

    /** A denied use of a queue or an exchange is counted among the refused agent messages: an agent tried it. */
    private String decide(boolean allowed, String format, Object... arguments) {
        if (!allowed) {
            refused.refuse(DENIED, format, arguments);
        }
        return answer(allowed);
    }
}
