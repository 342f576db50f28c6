package io.contactcenter.simulator.traffic;

import java.util.concurrent.CompletableFuture;

/**
 * One contact as both sides of the simulation see it. The caller registers it when it learns the contact id; a
 * desk may get the offer first (the IVR's hand-off reaches routing over Kafka while the edge is still reading the
 * IVR's answer), so either side may create it. What routing confirmed decides the outcome: an accepted offer is
 * answered even when the caller's hang-up crossed it; a hang-up counts only when no accept went through.
 */
final class Call {

    final String contactId;
    final CompletableFuture<Void> answered = new CompletableFuture<>();
    final CompletableFuture<Void> completed = new CompletableFuture<>();
    private String queueId;
    private double enteredAt = Double.NaN;
    private Integer position;
    private Double ewtSeconds;
    private double answeredAt = Double.NaN;
    private double hungUpAt = Double.NaN;
    private boolean caller;
    private boolean returned;

    Call(String contactId) {
        this.contactId = contactId;
    }

    synchronized void entered(String queueId, double at) {
        this.queueId = queueId;
        this.enteredAt = at;
        this.caller = true;
    }

    synchronized void estimate(Integer position, Double ewtSeconds) {
        this.position = position;
        this.ewtSeconds = ewtSeconds;
    }

    /** Routing confirmed an agent's accept. */
    void answer(double at, String queueIdIfUnknown) {
        synchronized (this) {
            answeredAt = at;
            if (queueId == null) {
                queueId = queueIdIfUnknown;
            }
        }
        answered.complete(null);
    }

    synchronized void hungUp(double at) {
        hungUpAt = at;
    }

    synchronized boolean isAnswered() {
        return !Double.isNaN(answeredAt);
    }

    synchronized boolean fromCaller() {
        return caller;
    }

    /** A callback-service return of an earlier call, dialled by the edge. */
    synchronized void markReturned() {
        returned = true;
    }

    /** Answered, but neither one of our callers nor a returned call: a contact that was waiting before the run. */
    synchronized boolean answeredForeign() {
        return !caller && !returned && !Double.isNaN(answeredAt);
    }

    /** Null while it has not ended, or when its start is unknown (an offer for a contact no caller of ours made). */
    synchronized Outcome outcome() {
        if (Double.isNaN(enteredAt)) {
            return null;
        }
        if (!Double.isNaN(answeredAt)) {
            return new Outcome(queueId, enteredAt, Math.max(0, answeredAt - enteredAt), true, false, position, ewtSeconds);
        }
        if (!Double.isNaN(hungUpAt)) {
            return new Outcome(queueId, enteredAt, Math.max(0, hungUpAt - enteredAt), false, true, position, ewtSeconds);
        }
        return null;
    }
}
