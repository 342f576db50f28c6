package io.contactcenter.ivr.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a waiting caller hears: position and expected wait every {@code announceEverySeconds} (never silence, never
 * a wrong promise: without an estimate the caller hears that it cannot be given), a one-time callback offer once the
 * expected wait passes {@code callbackOfferAboveSeconds}, then music until the next turn.
 */
public final class HoldTreatment {

    /** What the hold remembers between turns. */
    public record State(Instant lastAnnouncement, int musicIndex, boolean callbackOffered) {

        public static final State START = new State(null, 0, false);
    }

    public record Turn(List<Action> actions, State state) {
    }

    private HoldTreatment() {
    }

    public static Turn next(Node.Hold hold, State s, Instant now, Integer position, Double ewtSeconds, String language,
            int gatherSeconds) {
        List<Action> actions = new ArrayList<>();
        Node.Hold h = hold == null ? new Node.Hold(null, null, null, null, null, null, null) : hold;
        Instant last = s.lastAnnouncement();
        boolean announce = h.announceEverySeconds() != null
                && (last == null || !now.isBefore(last.plusSeconds(h.announceEverySeconds())));
        if (announce) {
            StringBuilder text = new StringBuilder();
            if (Boolean.TRUE.equals(h.announcePosition()) && position != null) {
                text.append(position == 1 ? "You are next in line. " : "You are number " + position + " in line. ");
            }
            if (Boolean.TRUE.equals(h.announceEwt())) {
                text.append(ewtSeconds == null ? "We cannot estimate your wait right now. "
                        : "Your expected wait is about " + minutes(ewtSeconds) + ". ");
            }
            if (!text.isEmpty()) {
                actions.add(Action.say(text.toString().trim(), null, language));
            }
            last = now;
        }
        boolean offered = s.callbackOffered();
        if (!offered && h.callbackOfferAboveSeconds() != null && ewtSeconds != null && ewtSeconds > h.callbackOfferAboveSeconds()) {
            actions.add(Action.say("To be called back without losing your place in line, press 1.", null, language));
            offered = true;
        }
        if (h.exitKey() != null && announce) {
            actions.add(Action.say("To leave a message instead, press " + h.exitKey() + ".", null, language));
        }
        List<String> music = h.music() == null || h.music().isEmpty() ? List.of("hold-music") : h.music();
        actions.add(Action.play(music.get(s.musicIndex() % music.size())));
        actions.add(Action.gather(1, gatherSeconds, false));
        return new Turn(actions, new State(last, s.musicIndex() + 1, offered));
    }

    static String minutes(double seconds) {
        long m = Math.max(1, Math.round(seconds / 60.0));
        return m == 1 ? "1 minute" : m + " minutes";
    }
}
