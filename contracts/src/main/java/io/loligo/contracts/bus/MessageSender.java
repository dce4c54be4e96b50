package io.loligo.contracts.bus;

/**
 * Who published a message, as far as the broker vouches for it. RabbitMQ refuses a message whose {@code user-id}
 * is not the user that published it, so agents set it to their broker user, which is their node id. A message that
 * claims to come from a node is believed when the broker says that node sent it, or when it came under the
 * services' own broker user, which is trusted with more than that already (it sends the agents their commands).
 */
public final class MessageSender {
    private MessageSender() {
    }

    /**
     * @param userId the message's validated {@code user-id}, null when it has none
     * @param serviceUser the broker user of the services
     */
    public static boolean vouchesFor(String userId, String nodeId, String serviceUser) {
        return userId != null && (userId.equals(nodeId) || userId.equals(serviceUser));
    }

    /**
     * Whether the broker says the node itself sent the message: for what only an agent says of itself, such as its
     * heartbeat, which the services never send.
     */
    public static boolean isAgent(String userId, String nodeId) {
        return userId != null && userId.equals(nodeId);
    }
}
