package io.contactcenter.crm.context;

import io.contactcenter.crm.context.CustomerContext.OpenCase;
import java.util.ArrayList;
import java.util.List;

/**
 * A churn/complaint risk score from 0 to 100, explicit so supervisors can trust it and routing rules can use
 * it. Points (the sum is capped at 100):
 * <ul>
 * <li>repeat-contacts: 15 per repeat contact in the recent window, at most 30</li>
 * <li>recent-abandon: 20 if the customer abandoned in the recent window</li>
 * <li>long-wait: 10 if a wait in the recent window reached the long-wait threshold</li>
 * <li>transfers: 10 if the history window has 2 or more transfers (ping-pong)</li>
 * <li>open-complaint: 25 if a complaint is open</li>
 * <li>overdue-case: 15 per open case past its SLA due time, at most 30</li>
 * <li>low-csat: 20 if the last survey score was 1 or 2</li>
 * </ul>
 * Level: LOW below 30, MEDIUM below 60, HIGH from 60.
 */
public final class RiskScore {

    public enum Level { LOW, MEDIUM, HIGH }

    public record Risk(int score, Level level, List<String> reasons) {
    }

    private RiskScore() {
    }

    public static Risk of(Signals signals, List<OpenCase> openCases) {
        int score = 0;
        List<String> reasons = new ArrayList<>();
        if (signals.repeatContacts() > 0) {
            score += Math.min(30, 15 * signals.repeatContacts());
            reasons.add("repeat-contacts");
        }
        if (signals.recentAbandon()) {
            score += 20;
            reasons.add("recent-abandon");
        }
        if (signals.recentLongWait()) {
            score += 10;
            reasons.add("long-wait");
        }
        if (signals.transfers() >= 2) {
            score += 10;
            reasons.add("transfers");
        }
        if (openCases.stream().anyMatch(c -> c.category().equals("COMPLAINT"))) {
            score += 25;
            reasons.add("open-complaint");
        }
        long overdue = openCases.stream().filter(OpenCase::overdue).count();
        if (overdue > 0) {
            score += (int) Math.min(30, 15 * overdue);
            reasons.add("overdue-case");
        }
        if (signals.lastCsat() != null && signals.lastCsat() <= 2) {
            score += 20;
            reasons.add("low-csat");
        }
        score = Math.min(100, score);
        Level level = score >= 60 ? Level.HIGH : score >= 30 ? Level.MEDIUM : Level.LOW;
        return new Risk(score, level, List.copyOf(reasons));
    }
}
