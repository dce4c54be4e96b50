package io.loligo.cluster.sync;

import io.loligo.cluster.agent.AgentTrust;
import io.loligo.cluster.broker.BrokerConfig;
import io.loligo.cluster.broker.RefusedAgentMessages;
import io.loligo.cluster.request.Requests;
import io.loligo.contracts.bus.MessageSender;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.failure.DatabaseUnreachable;
import io.loligo.contracts.wire.MalformedMessageException;
import io.loligo.contracts.wire.MessageTooLargeException;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Takes the agents' replies from the durable replies queue. A reply from a broker user that is not an accepted agent
 * (nor the services) is dropped before it is read; one that cannot be read within its bound, or that names another
 * agent than its sender, is dropped and counted. Who may answer what is decided further on: a map only as the
 * answer to a fetch sent to that agent, a change only by the agent it went to. A reply that could not be stored
 * because the database is away goes back to the queue (failure-strategy release), to be taken again once it is back:
 * an answer is never lost to an outage.
 */
@ApplicationScoped
public class ReplyConsumer {
    private final WireCodec codec = new WireCodec();

    @Inject
    MapSync sync;
    @Inject
    SyncObjects maps;
    @Inject
    LiveReads liveReads;
    @Inject
    Requests requests;
    @Inject
    AgentTrust trust;
    @Inject
    BrokerConfig broker;
    @Inject
    RefusedAgentMessages refused;

    @Incoming("replies")
    @Blocking
    public CompletionStage<Void> onReply(Message<?> message) {
        String sender = message.getMetadata(IncomingAmqpMetadata.class).map(IncomingAmqpMetadata::getUserId).orElse(null);
        boolean fromServices = broker.servicesUser().equals(sender);
        boolean fromAcceptedAgent;
        try {
            fromAcceptedAgent = sender != null && !fromServices && trust.isAccepted(sender);
        } catch (RuntimeException e) {
            // never thrown on: an exception out of this method would end the subscription for good
            if (DatabaseUnreachable.caused(e)) {
                return message.nack(e);
            }
            Log.errorf(e, "could not tell whether %s is an accepted agent: its reply is dropped", sender);
            return message.ack();
        }
        // checked before the body is read: a reply is worth reading only from an accepted agent, or from the services
        // (refused messages are settled, never offered again)
        if (sender == null || !fromServices && !fromAcceptedAgent) {
            refused.refuse("not-accepted", "a reply sent by broker user %s, not an accepted agent", sender);
            return message.ack();
        }
        CommandReply reply;
        try {
            // a new copy of a large map is read sharing what it has in common with the copy held
            reply = codec.decode(message.getPayload(), CommandReply.class, broker.replyMaxBytes(), maps::heldContent);
        } catch (MessageTooLargeException e) {
            refused.refuse("too-large", "a reply from %s %s", sender, e.getMessage());
            return message.ack();
        } catch (MalformedMessageException | IllegalStateException e) {
            refused.refuse("malformed", "a malformed reply from %s: %s", sender, e.getMessage());
            return message.ack();
        }
        if (!MessageSender.vouchesFor(sender, reply.nodeId(), broker.servicesUser())) {
            refused.refuse("not-its-own", "a reply that names agent %s, sent by %s", reply.nodeId(), sender);
            return message.ack();
        }
        MDC.put("node", reply.nodeId());
        MDC.put("command", reply.commandId());
        if (reply.map() != null) {
            MDC.put("fsid", reply.map().fsid());
        }
        try {
            if (Requests.answers(reply)) {
                requests.onReply(reply, Instant.now());
            } else if (!liveReads.complete(reply)) {
                sync.onReply(reply, Instant.now());
            }
            return message.ack();
        } catch (RuntimeException e) {
            if (DatabaseUnreachable.caused(e)) {
                Log.warnf("the database is away: the reply to %s goes back to the queue", reply.commandId());
                return message.nack(e);
            }
            // a reply this service cannot take would fail the same way each time it came back
            Log.errorf(e, "could not store the reply to %s: dropped", reply.commandId());
            return message.ack();
        } finally {
            MDC.remove("node");
            MDC.remove("command");
            MDC.remove("fsid");
        }
    }
}
