package io.contactcenter.callback.policy;

import io.contactcenter.callback.schedule.DialPlan;
import io.contactcenter.events.calendar.Hours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A queue's stored callback policy. */
public record Policy(String queueId, int maxAttempts, int minRetryIntervalSeconds, double backoffMultiplier,
        int maxPerNumberPerDay, int minAbandonWaitSeconds, boolean autoReturnAbandoned, String timeZone,
        PolicyRequest.CallingHours callingHours, Instant updatedAt) {

    static final PolicyRequest.CallingHours EIGHT_TO_EIGHT;

    static {
        Map<DayOfWeek, List<Hours.Range>> every = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            every.put(d, List.of(new Hours.Range(LocalTime.of(8, 0), LocalTime.of(20, 0))));
        }
        EIGHT_TO_EIGHT = new PolicyRequest.CallingHours(every, List.of());
    }

    /** The dial plan for a customer in {@code customerZone} (null: the queue's zone). */
    public DialPlan dialPlan(String customerZone) {
        Hours hours = new Hours(customerZone == null ? timeZone : customerZone, callingHours.weekly(),
                callingHours.holidays(), List.of());
        return new DialPlan(hours, maxAttempts, Duration.ofSeconds(minRetryIntervalSeconds), backoffMultiplier);
    }
}
