package io.loligo.cluster.heartbeat;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.util.concurrent.TimeUnit;

/** Publishes on the real broker exactly as an agent does, and also what no agent should send. */
final class BrokerClient implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final AmqpSender sender;

    BrokerClient() throws Exception {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(5672)
                .setUsername("guest").setPassword("guest"));
        AmqpConnection connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        sender = connection.createSender("/exchange/amq.topic").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    void publishJson(String routingKey, byte[] json) throws Exception {
        send(AmqpMessage.create().subject(routingKey).contentType("application/json").withBufferAsBody(Buffer.buffer(json)).build());
    }

    void publishText(String routingKey, String text) throws Exception {
        send(AmqpMessage.create().subject(routingKey).withBody(text).build());
    }

    private void send(AmqpMessage message) throws Exception {
        sender.sendWithAck(message).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
