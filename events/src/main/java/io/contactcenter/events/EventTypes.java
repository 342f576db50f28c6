package io.contactcenter.events;

import java.util.Map;

/**
 * CloudEvent {@code type} names, one place for all of them, and the topic each type travels on.
 * Names are reverse-DNS prefixed as the CloudEvents spec recommends.
 */
public final class EventTypes {

    private static final String P = "io.contactcenter.";

    public static final String CONTACT_ARRIVED = P + "contact.arrived";
    public static final String CONTACT_IVR_COMPLETED = P + "contact.ivr-completed";
    public static final String CONTACT_QUEUED = P + "contact.queued";
    public static final String CONTACT_OFFERED = P + "contact.offered";
    public static final String CONTACT_ANSWERED = P + "contact.answered";
    public static final String CONTACT_TRANSFERRED = P + "contact.transferred";
    public static final String CONTACT_OVERFLOWED = P + "contact.overflowed";
    public static final String CONTACT_ABANDONED = P + "contact.abandoned";
    public static final String CONTACT_COMPLETED = P + "contact.completed";
    public static final String CONTACT_CANCELLED = P + "contact.cancelled";
    public static final String CONTACT_VOICEMAIL = P + "contact.voicemail";
    public static final String CONTACT_SURVEY_COMPLETED = P + "contact.survey-completed";

    public static final String ROUTING_ENQUEUE = P + "routing.enqueue";
    public static final String ROUTING_CANCEL = P + "routing.cancel";

    public static final String AGENT_STATE_CHANGED = P + "agent.state-changed";
    public static final String AGENT_OFFER_REJECTED = P + "agent.offer-rejected";
    public static final String AGENT_OFFER_TIMED_OUT = P + "agent.offer-timed-out";

    public static final String CALLBACK_REQUESTED = P + "callback.requested";
    public static final String CALLBACK_SCHEDULED = P + "callback.scheduled";
    public static final String CALLBACK_DIALING = P + "callback.dialing";
    public static final String CALLBACK_COMPLETED = P + "callback.completed";
    public static final String CALLBACK_FAILED = P + "callback.failed";
    public static final String CALLBACK_CANCELLED = P + "callback.cancelled";

    public static final String CUSTOMER_UPDATED = P + "customer.updated";
    public static final String CUSTOMER_REPEAT_CONTACT = P + "customer.repeat-contact";
    public static final String CASE_OPENED = P + "case.opened";
    public static final String CASE_DISPATCHED = P + "case.dispatched";
    public static final String CASE_STATUS_CHANGED = P + "case.status-changed";
    public static final String CASE_RESOLVED = P + "case.resolved";

    public static final String IVR_NODE_ENTERED = P + "ivr.node-entered";
    public static final String IVR_INPUT_REJECTED = P + "ivr.input-rejected";
    public static final String IVR_COMPLETED = P + "ivr.completed";

    /** A call through the voice gateway ended: who was on it, how it ended and how its audio was. */
    public static final String VOICE_CALL_ENDED = P + "voice.call-ended";

    /** A conversation on chat, SMS or e-mail began (or began again after it was closed). */
    public static final String CONVERSATION_OPENED = P + "conversation.opened";
    /** A conversation ended: resolved by the agent, closed idle, or left by the customer. */
    public static final String CONVERSATION_CLOSED = P + "conversation.closed";
    /** A customer opted out of (STOP) or back into (START) messages on a channel, by keyword. */
    public static final String CONVERSATION_OPT_OUT_CHANGED = P + "conversation.opt-out-changed";
    /** The customer wrote. */
    public static final String MESSAGE_RECEIVED = P + "message.received";
    /** An agent (or the system on its behalf) wrote to the customer. */
    public static final String MESSAGE_SENT = P + "message.sent";

    /** A consumer gave up on a record and parked it (see {@code DeadLetters}). */
    public static final String DEAD_LETTER_PARKED = P + "dead-letter.parked";

    private static final Map<String, String> TOPIC_BY_PREFIX = Map.ofEntries(
            Map.entry(P + "dead-letter.", Topics.DEAD_LETTERS),
            Map.entry(P + "contact.", Topics.CONTACTS),
            Map.entry(P + "routing.", Topics.ROUTING_COMMANDS),
            Map.entry(P + "agent.", Topics.AGENTS),
            Map.entry(P + "callback.", Topics.CALLBACKS),
            Map.entry(P + "customer.", Topics.CRM),
            Map.entry(P + "case.", Topics.CRM),
            Map.entry(P + "ivr.", Topics.IVR),
            Map.entry(P + "voice.", Topics.VOICE),
            Map.entry(P + "conversation.", Topics.MESSAGING),
            Map.entry(P + "message.", Topics.MESSAGING));

    /** The topic an event type belongs on, so producers cannot send a type to the wrong log. */
    public static String topicOf(String type) {
        return TOPIC_BY_PREFIX.entrySet().stream()
                .filter(e -> type.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type: " + type));
    }

    private EventTypes() {
    }
}
