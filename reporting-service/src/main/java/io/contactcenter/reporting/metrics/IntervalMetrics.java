package io.contactcenter.reporting.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Historical metrics per interval. Every definition is here, in one place:
 * <ul>
 * <li>offered: contacts that entered the queue in the interval;</li>
 * <li>answered / abandoned: of those, the ones answered / that hung up while waiting (whenever that was);</li>
 * <li>short abandons: abandoned within S seconds;</li>
 * <li>service level: by the chosen {@link ServiceLevelDefinition};</li>
 * <li>ASA: mean wait of the answered ones (for chat, SMS and e-mail: until an agent accepted the conversation);</li>
 * <li>first response time (chat, SMS, e-mail): mean time from a conversation's opening to its agent's first message, of
 * the conversations offered in the interval that an agent wrote in (messaging-service measures it);</li>
 * <li>AHT: mean talk + hold + wrap-up of the completed ones;</li>
 * <li>resolution time: mean time from entering the queue to completion, of the completed ones;</li>
 * <li>abandon rate: abandoned / offered; transfers: transfers made on contacts offered in the interval;</li>
 * <li>first-contact resolution: completed contacts that no repeat contact followed ÷ completed contacts (a repeat
 * is the same customer on the same issue within crm-service's repeat window, so the rate of recent intervals can
 * still fall while that window is open);</li>
 * <li>CSAT: surveys scoring 4 or 5 ÷ surveys, of the contacts offered in the interval (scale 1–5);</li>
 * <li>callbacks requested: requested in the interval; completed: ended COMPLETED in the interval; success rate:
 * completed ÷ (completed + failed) of those ended in the interval (cancelled ones count for neither);</li>
 * <li>outbound calls: dial-outs (callback attempts) started in the interval;</li>
 * <li>backlog at end: contacts still waiting plus callbacks still open at the end of the interval.</li>
 * </ul>
 */
public final class IntervalMetrics {

    private IntervalMetrics() {
    }

    public record Row(Instant start, Instant end, long offered, long answered, long answeredWithinThreshold,
            long abandoned, long shortAbandoned, Double serviceLevel, Double averageSpeedOfAnswerSeconds,
            Double averageHandleSeconds, Double abandonRate, long transfers, Double averageResolutionSeconds,
            Double firstContactResolution, long surveys, Double csat, long callbacksRequested, long callbacksCompleted,
            Double callbackSuccessRate, long outboundCalls, long backlogAtEnd, Double averageFirstResponseSeconds) {
    }

    /** Contacts only (no callbacks or dial-outs). */
    public static List<Row> compute(List<ContactRecord> contacts, Instant from, Instant to, Duration interval,
            ServiceLevelDefinition definition, double thresholdSeconds, double shortAbandonSeconds) {
        return compute(contacts, List.of(), List.of(), from, to, interval, definition, thresholdSeconds, shortAbandonSeconds);
    }

    /**
     * Rows for every interval in [from, to), empty intervals included, so charts have no gaps. {@code contacts}
     * and {@code callbacks} may include earlier ones still open at {@code from}: they count only for the backlog.
     */
    public static List<Row> compute(List<ContactRecord> contacts, List<CallbackRecord> callbacks, List<Instant> dials,
            Instant from, Instant to, Duration interval, ServiceLevelDefinition definition, double thresholdSeconds,
            double shortAbandonSeconds) {
        int count = (int) Math.ceil((double) Duration.between(from, to).toSeconds() / interval.toSeconds());
        Acc[] acc = new Acc[count];
        for (int i = 0; i < count; i++) {
            acc[i] = new Acc();
        }
        for (ContactRecord c : contacts) {
            int i = index(c.offeredAt(), from, to, interval);
            if (i < 0) {
                continue;
            }
            Acc a = acc[i];
            a.offered++;
            double wait = c.waitSeconds() == null ? 0 : c.waitSeconds();
            if (c.answered()) {
                a.answered++;
                a.waitAnswered += wait;
                if (wait <= thresholdSeconds) {
                    a.within++;
                }
            } else if (c.abandoned()) {
                a.abandoned++;
                if (wait <= shortAbandonSeconds) {
                    a.shortAbandoned++;
                }
            }
            if (c.completed()) {
                a.handle += c.handleSeconds();
                a.completed++;
                if (!c.repeated()) {
                    a.resolvedFirstTime++;
                }
                if (c.endedAt() != null) {
                    a.resolution += Duration.between(c.offeredAt(), c.endedAt()).toMillis() / 1000.0;
                    a.resolutionCount++;
                }
            }
            if (c.csat() != null) {
                a.surveys++;
                if (c.csat() >= 4) {
                    a.satisfied++;
                }
            }
            a.transfers += c.transfers();
            if (c.firstResponseSeconds() != null) {
                a.firstResponse += c.firstResponseSeconds();
                a.firstResponseCount++;
            }
        }
        for (CallbackRecord cb : callbacks) {
            int i = index(cb.requestedAt(), from, to, interval);
            if (i >= 0) {
                acc[i].callbacksRequested++;
            }
            int e = cb.endedAt() == null ? -1 : index(cb.endedAt(), from, to, interval);
            if (e >= 0 && "COMPLETED".equals(cb.state())) {
                acc[e].callbacksCompleted++;
            } else if (e >= 0 && "FAILED".equals(cb.state())) {
                acc[e].callbacksFailed++;
            }
        }
        for (Instant dial : dials) {
            int i = index(dial, from, to, interval);
            if (i >= 0) {
                acc[i].outbound++;
            }
        }
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant start = from.plus(interval.multipliedBy(i));
            Instant end = start.plus(interval).isAfter(to) ? to : start.plus(interval);
            Acc a = acc[i];
            long backlog = contacts.stream().filter(c -> c.waitingAt(end)).count()
                    + callbacks.stream().filter(cb -> cb.openAt(end)).count();
            long ended = a.callbacksCompleted + a.callbacksFailed;
            rows.add(new Row(start, end, a.offered, a.answered, a.within, a.abandoned, a.shortAbandoned,
                    definition.apply(a.offered, a.within, a.abandoned, a.shortAbandoned),
                    a.answered == 0 ? null : a.waitAnswered / a.answered,
                    a.completed == 0 ? null : a.handle / a.completed,
                    a.offered == 0 ? null : (double) a.abandoned / a.offered, a.transfers,
                    a.resolutionCount == 0 ? null : a.resolution / a.resolutionCount,
                    a.completed == 0 ? null : (double) a.resolvedFirstTime / a.completed,
                    a.surveys, a.surveys == 0 ? null : (double) a.satisfied / a.surveys,
                    a.callbacksRequested, a.callbacksCompleted, ended == 0 ? null : (double) a.callbacksCompleted / ended,
                    a.outbound, backlog, a.firstResponseCount == 0 ? null : a.firstResponse / a.firstResponseCount));
        }
        return rows;
    }

    private static int index(Instant t, Instant from, Instant to, Duration interval) {
        if (t.isBefore(from) || !t.isBefore(to)) {
            return -1;
        }
        return (int) (Duration.between(from, t).toSeconds() / interval.toSeconds());
    }

    /** Sums of one interval. */
    private static final class Acc {
        long offered;
        long answered;
        long within;
        long abandoned;
        long shortAbandoned;
        long transfers;
        long completed;
        long resolvedFirstTime;
        long resolutionCount;
        long firstResponseCount;
        double firstResponse;
        long surveys;
        long satisfied;
        long callbacksRequested;
        long callbacksCompleted;
        long callbacksFailed;
        long outbound;
        double waitAnswered;
        double handle;
        double resolution;
    }
}
