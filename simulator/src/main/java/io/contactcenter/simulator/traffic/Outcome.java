package io.contactcenter.simulator.traffic;

/**
 * How one contact ended, as the caller lived it. Times are seconds on the simulator's clock.
 *
 * @param queueId the queue it waited in
 * @param enteredAt when the enqueue was sent (the caller starts waiting)
 * @param waitSeconds until an agent's accept was confirmed (answered) or the caller's hang-up was (abandoned)
 * @param answered an agent took it
 * @param abandoned the caller hung up first
 * @param position position routing gave right after entry (1 = next), null if not asked or not waiting any more
 * @param ewtSeconds routing's estimated wait right after entry, null when it had none
 */
public record Outcome(String queueId, double enteredAt, double waitSeconds, boolean answered, boolean abandoned,
        Integer position, Double ewtSeconds) {
}
