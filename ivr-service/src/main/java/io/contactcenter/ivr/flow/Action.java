package io.contactcenter.ivr.flow;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the telephony edge does next, in order: {@code say} (text or prompt, language), {@code play} (music or a
 * recorded prompt), {@code gather} (wait for keys / speech, then post an event), {@code enqueued}, {@code bridge}
 * (connect to the agent), {@code transfer}, {@code record} (voicemail), {@code hangup}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(String type, String text, String prompt, String language, Integer maxDigits, Integer timeoutSeconds,
        Boolean speech, String to, String queueId, String contactId, String mailbox, String agentId) {

    public static Action say(String text, String prompt, String language) {
        return new Action("say", text, prompt, language, null, null, null, null, null, null, null, null);
    }

    public static Action play(String prompt) {
        return new Action("play", null, prompt, null, null, null, null, null, null, null, null, null);
    }

    public static Action gather(int maxDigits, int timeoutSeconds, boolean speech) {
        return new Action("gather", null, null, null, maxDigits, timeoutSeconds, speech, null, null, null, null, null);
    }

    public static Action enqueued(String queueId, String contactId) {
        return new Action("enqueued", null, null, null, null, null, null, null, queueId, contactId, null, null);
    }

    public static Action bridge(String agentId) {
        return new Action("bridge", null, null, null, null, null, null, null, null, null, null, agentId);
    }

    public static Action transfer(String to) {
        return new Action("transfer", null, null, null, null, null, null, to, null, null, null, null);
    }

    public static Action record(String mailbox) {
        return new Action("record", null, null, null, null, null, null, null, null, null, mailbox, null);
    }

    public static Action hangup() {
        return new Action("hangup", null, null, null, null, null, null, null, null, null, null, null);
    }
}
