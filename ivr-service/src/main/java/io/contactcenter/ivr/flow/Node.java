package io.contactcenter.ivr.flow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.contactcenter.events.calendar.Hours;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One step of a call flow. {@code text} may name variables as {@code {name}}; {@code prompt} names a recorded
 * prompt the edge plays instead. Nodes point to each other by id.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Node.Say.class, name = "say"),
        @JsonSubTypes.Type(value = Node.Menu.class, name = "menu"),
        @JsonSubTypes.Type(value = Node.Collect.class, name = "collect"),
        @JsonSubTypes.Type(value = Node.Lookup.class, name = "lookup"),
        @JsonSubTypes.Type(value = Node.Branch.class, name = "branch"),
        @JsonSubTypes.Type(value = Node.HoursCheck.class, name = "hours"),
        @JsonSubTypes.Type(value = Node.SetVariable.class, name = "set"),
        @JsonSubTypes.Type(value = Node.Enqueue.class, name = "enqueue"),
        @JsonSubTypes.Type(value = Node.Transfer.class, name = "transfer"),
        @JsonSubTypes.Type(value = Node.Voicemail.class, name = "voicemail"),
        @JsonSubTypes.Type(value = Node.CallbackOffer.class, name = "callback"),
        @JsonSubTypes.Type(value = Node.SmsOffer.class, name = "sms"),
        @JsonSubTypes.Type(value = Node.Survey.class, name = "survey"),
        @JsonSubTypes.Type(value = Node.Hangup.class, name = "hangup")})
public sealed interface Node {

    /** Nodes this one can lead to. */
    @JsonIgnore
    List<String> targets();

    /** The call leaves the IVR here (to a person, a mailbox, or hung up). */
    @JsonIgnore
    default boolean terminal() {
        return false;
    }

    /** A person can be reached from here. */
    @JsonIgnore
    default boolean reachesPerson() {
        return false;
    }

    private static List<String> of(String... ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    record Say(String text, String prompt, String language, String next) implements Node {
        public List<String> targets() {
            return of(next);
        }
    }

    /** A speech intent: any of its phrases in what the caller said, heard with enough confidence. */
    record Intent(List<String> phrases, String next) {
    }

    record Menu(String text, String prompt, Map<String, String> options, Map<String, Intent> intents, Double confidence,
            Integer timeoutSeconds, Integer maxRetries, String noInput, String noMatch) implements Node {
        public List<String> targets() {
            List<String> t = new ArrayList<>(options == null ? List.of() : options.values());
            if (intents != null) {
                intents.values().forEach(i -> t.add(i.next()));
            }
            t.addAll(of(noInput, noMatch));
            return t;
        }

        double threshold() {
            return confidence == null ? 0.6 : confidence;
        }

        int retries() {
            return maxRetries == null ? 2 : maxRetries;
        }

        int timeout() {
            return timeoutSeconds == null ? 5 : timeoutSeconds;
        }
    }

    /** Digits into {@code variable}: length, an optional pattern and checksum ({@code luhn}). */
    record Collect(String text, String prompt, String variable, Integer minDigits, Integer maxDigits, String pattern,
            String checksum, Integer timeoutSeconds, Integer maxRetries, String next, String noInput, String noMatch)
            implements Node {
        public List<String> targets() {
            return of(next, noInput, noMatch);
        }

        int retries() {
            return maxRetries == null ? 2 : maxRetries;
        }
    }

    /** Who is calling (CRM, by caller number): fills customerId, name, segment, language, vip, risk, openCases. */
    record Lookup(String next, String notFound, String onError) implements Node {
        public List<String> targets() {
            return of(next, notFound, onError);
        }
    }

    record Condition(String when, String next) {
    }

    record Branch(List<Condition> conditions, String otherwise) implements Node {
        public List<String> targets() {
            List<String> t = new ArrayList<>();
            if (conditions != null) {
                conditions.forEach(c -> t.add(c.next()));
            }
            t.addAll(of(otherwise));
            return t;
        }
    }

    /** Open or closed now: a routing queue's hours ({@code queue}) or hours given here ({@code hours}). */
    record HoursCheck(String queue, Hours hours, String open, String closed) implements Node {
        public List<String> targets() {
            return of(open, closed);
        }
    }

    record SetVariable(String variable, String value, String next) implements Node {
        public List<String> targets() {
            return of(next);
        }
    }

    /**
     * Music or prompts while waiting, announcements of position and wait every {@code announceEverySeconds}, a
     * callback offer once the wait passes {@code callbackOfferAboveSeconds}, and a key that leaves the queue for
     * {@code exitNode}.
     */
    record Hold(List<String> music, Integer announceEverySeconds, Boolean announcePosition, Boolean announceEwt,
            Integer callbackOfferAboveSeconds, String exitKey, String exitNode) {
    }

    /** Into a routing queue with everything learned so far; {@code afterCall} (e.g. a survey) when the agent hangs up. */
    record Enqueue(String queue, Integer priority, Map<String, Integer> skills, Map<String, String> attributes, Hold hold,
            String afterCall) implements Node {
        public List<String> targets() {
            return of(hold == null ? null : hold.exitNode(), afterCall);
        }

        public boolean terminal() {
            return true;
        }

        public boolean reachesPerson() {
            return true;
        }
    }

    record Transfer(String text, String to) implements Node {
        public List<String> targets() {
            return List.of();
        }

        public boolean terminal() {
            return true;
        }

        public boolean reachesPerson() {
            return true;
        }
    }

    record Voicemail(String text, String mailbox) implements Node {
        public List<String> targets() {
            return List.of();
        }

        public boolean terminal() {
            return true;
        }
    }

    /** "Press 1 to be called back": a callback in {@code queue}, then {@code accepted}; anything else {@code declined}. */
    record CallbackOffer(String text, String queue, String accepted, String declined) implements Node {
        public List<String> targets() {
            return of(accepted, declined);
        }
    }

    /**
     * "Press 1 and we'll continue by SMS": the caller's number gets {@code message} and an SMS conversation opens in
     * {@code queue} (default: messaging-service's SMS queue) with everything the IVR learned; then {@code accepted}
     * (usually a goodbye), anything else {@code declined}.
     */
    record SmsOffer(String text, String message, String queue, String accepted, String declined) implements Node {
        public List<String> targets() {
            return of(accepted, declined);
        }
    }

    /** Satisfaction 1–5 by keypad, published as contact.survey-completed. */
    record Survey(String text, String next) implements Node {
        public List<String> targets() {
            return of(next);
        }
    }

    record Hangup(String text) implements Node {
        public List<String> targets() {
            return List.of();
        }

        public boolean terminal() {
            return true;
        }
    }
}
