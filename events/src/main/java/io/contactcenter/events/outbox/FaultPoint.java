package io.contactcenter.events.outbox;

/**
 * The places inside one relay pass where a crash has a different consequence; tests crash the relay at each
 * ({@link OutboxRelay#faults}) and count what reached the wire.
 */
public enum FaultPoint {
    /** Half of the batch handed to the producer, the transaction open. */
    MID_BATCH,
    /** Every record and the position written to the broker inside the open transaction, not committed. */
    AFTER_SEND,
    /** The Kafka transaction committed, the rows not yet stamped sent in the database. */
    AFTER_COMMIT
}
