package io.contactcenter.crm.interaction;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a customer's timeline. {@code kind} is CONTACT or CALLBACK; {@code outcome} the last known state
 * (ARRIVED, QUEUED, ANSWERED, COMPLETED, ABANDONED, ABANDONED_IN_IVR, SELF_SERVICE, VOICEMAIL, CALLBACK,
 * MESSAGE_HANGUP, CANCELLED, REQUESTED, FAILED). {@code repeatOf} names the earlier contact on the same issue
 * that this one repeats. {@code disposition} and {@code notes} are the handling agent's wrap-up
 * ({@code wrappedBy}, {@code wrappedAt}). {@code transcript}: the messages of a chat, SMS or e-mail contact, oldest
 * first (empty for calls).
 */
public record InteractionView(String interactionId, String kind, String channel, String queueId, String agentId,
        String issue, Instant startedAt, Instant endedAt, String outcome, Double waitSeconds, Double handleSeconds,
        int transfers, String ivrOutcome, Integer csat, String repeatOf, String parentId, List<RecordingView> recordings,
        String disposition, String notes, String wrappedBy, Instant wrappedAt, List<TranscriptLine> transcript) {

    /** One message of a chat, SMS or e-mail conversation: IN from the customer, OUT from the agent. */
    public record TranscriptLine(long seq, String direction, String author, String text, Instant at) {
    }
}
