package io.contactcenter.voice.sip;

import java.util.Locale;

/**
 * RFC 4028 session timers, as the answering side (UAS) of a call: a caller whose phone supports timers is asked to
 * refresh the session (re-INVITE or UPDATE) within the negotiated interval, and a session nobody refreshed is ended,
 * so a call whose far end vanished (a crashed phone, a dead trunk) does not stay open, with an agent busy on it. The
 * gateway never refreshes itself: it always names the caller the refresher, so a caller without timer support gets
 * no timer (the RTP timeout still ends a dead call).
 *
 * @param seconds the session interval; 0 when the call runs without a timer
 * @param tooSmall the caller asked for less than the minimum: answer 422 with {@code Min-SE}
 */
public record SessionTimer(int seconds, boolean tooSmall) {

    public static final SessionTimer NONE = new SessionTimer(0, false);

    /**
     * What to answer an INVITE carrying {@code sessionExpires} (the header's value, or null) and {@code supported} (its
     * Supported headers' values, or null).
     */
    public static SessionTimer negotiate(String sessionExpires, String supported, int defaultSeconds, int minSeconds) {
        boolean timer = supported != null && java.util.Arrays.stream(supported.toLowerCase(Locale.ROOT).split(","))
                .map(String::trim).anyMatch("timer"::equals);
        if (!timer) {
            return NONE; // nobody would refresh: a proxy's Session-Expires alone would end a healthy call
        }
        if (sessionExpires == null || sessionExpires.isBlank()) {
            return new SessionTimer(Math.max(defaultSeconds, minSeconds), false);
        }
        int asked;
        try {
            asked = Integer.parseInt(sessionExpires.split(";")[0].trim());
        } catch (NumberFormatException e) {
            return new SessionTimer(Math.max(defaultSeconds, minSeconds), false);
        }
        if (asked < minSeconds) {
            return new SessionTimer(0, true);
        }
        return new SessionTimer(asked, false);
    }

    /** The header the answer carries: the interval, refreshed by the caller. */
    public String header() {
        return seconds + ";refresher=uac";
    }

    /**
     * Milliseconds after the last refresh at which the session is over: RFC 4028 §10 has the side that did not refresh
     * send BYE at the interval minus the smaller of 32 s and a third of it.
     */
    public long expiresAfterMillis() {
        return (seconds - Math.min(32, seconds / 3)) * 1000L;
    }
}
