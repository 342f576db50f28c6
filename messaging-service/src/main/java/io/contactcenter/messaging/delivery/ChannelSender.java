package io.contactcenter.messaging.delivery;

import io.contactcenter.events.Channel;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/** Sends one channel's messages through its provider. */
public interface ChannelSender {

    Channel channel();

    /** Whether the channel's provider is configured; without one, messages wait (and say so). */
    boolean enabled();

    /**
     * When a message that is not an answer to the customer may leave, at or after {@code now}: {@code now} itself when
     * it may leave at once.
     */
    Instant allowedFrom(Job job, Instant now);

    /** Sends the message; the provider's ids of its parts, in order. Fails with {@code Refused} for good. */
    Uni<List<String>> send(Job job);
}
