package io.contactcenter.routing.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.contactcenter.events.calendar.Hours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A queue's routing rules, as stored and as {@code PUT /routing/queues/{id}} takes them. Omitted fields take
 * the defaults shown.
 *
 * @param strategy agent selection (default {@link Strategy#LONGEST_IDLE})
 * @param serviceLevelSeconds answered within this many seconds counts as in service level (default 20)
 * @param offerTimeoutSeconds an unanswered offer returns the contact to its place after this (default 15)
 * @param wrapUpSeconds after-contact work before the agent is offered again (default 0)
 * @param maxQueueLength contacts beyond this many waiting take the exit action at once (default unlimited)
 * @param maxWaitSeconds contacts waiting longer take the exit action (default unlimited)
 * @param joinWhenEmpty accept contacts when no member agent is logged in (default true)
 * @param leaveWhenEmpty waiting contacts take the exit action when the last member logs out (default false)
 * @param agingSecondsPerPriority each this many seconds of waiting add one priority point (default none)
 * @param defaultHandleSeconds handle time assumed for wait estimates until history exists (default 180)
 * @param relaxation bullseye steps that lower or drop skill requirements over time
 * @param overflow rules evaluated over time, in order
 * @param hours when the queue is open (default always)
 * @param closedAction what a contact arriving while closed gets (default voicemail)
 * @param exitAction what max length, max wait and empty-queue exits do (default voicemail)
 */
public record QueueDefinition(
        @Size(max = 200) String name,
        Strategy strategy,
        @Min(1) @Max(3600) Integer serviceLevelSeconds,
        @Min(5) @Max(600) Integer offerTimeoutSeconds,
        @Min(0) @Max(3600) Integer wrapUpSeconds,
        @Min(1) @Max(1_000_000) Integer maxQueueLength,
        @Min(1) @Max(86_400) Integer maxWaitSeconds,
        Boolean joinWhenEmpty,
        Boolean leaveWhenEmpty,
        @Min(1) @Max(86_400) Integer agingSecondsPerPriority,
        @Min(1) @Max(86_400) Integer defaultHandleSeconds,
        @Size(max = 20) List<@Valid RelaxationStep> relaxation,
        @Size(max = 20) List<@Valid OverflowRule> overflow,
        @Valid Hours hours,
        @Valid ExitAction closedAction,
        @Valid ExitAction exitAction) {

    public QueueDefinition {
        strategy = strategy == null ? Strategy.LONGEST_IDLE : strategy;
        serviceLevelSeconds = serviceLevelSeconds == null ? 20 : serviceLevelSeconds;
        offerTimeoutSeconds = offerTimeoutSeconds == null ? 15 : offerTimeoutSeconds;
        wrapUpSeconds = wrapUpSeconds == null ? 0 : wrapUpSeconds;
        joinWhenEmpty = joinWhenEmpty == null ? Boolean.TRUE : joinWhenEmpty;
        leaveWhenEmpty = leaveWhenEmpty == null ? Boolean.FALSE : leaveWhenEmpty;
        defaultHandleSeconds = defaultHandleSeconds == null ? 180 : defaultHandleSeconds;
        relaxation = relaxation == null ? List.of() : List.copyOf(relaxation);
        overflow = overflow == null ? List.of() : List.copyOf(overflow);
        closedAction = closedAction == null ? new ExitAction(ExitAction.Kind.VOICEMAIL, null, null) : closedAction;
        exitAction = exitAction == null ? new ExitAction(ExitAction.Kind.VOICEMAIL, null, null) : exitAction;
    }

    public static QueueDefinition defaults() {
        return new QueueDefinition(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    public boolean isOpen(Instant now) {
        return hours == null || hours.isOpen(now);
    }

    /** Priority after aging: one point per {@code agingSecondsPerPriority} waited, at most 100. */
    public int effectivePriority(int priority, Instant virtualStart, Instant now) {
        if (agingSecondsPerPriority == null) {
            return priority;
        }
        long waited = Math.max(0, Duration.between(virtualStart, now).toSeconds());
        return (int) Math.min(100, priority + waited / agingSecondsPerPriority);
    }

    /** Requirements after the relaxation steps due at {@code secondsInQueue}, applied in order. */
    public Map<String, Integer> effectiveRequirements(Map<String, Integer> required, long secondsInQueue) {
        if (relaxation.isEmpty() || required.isEmpty()) {
            return required;
        }
        Map<String, Integer> out = new java.util.HashMap<>(required);
        for (RelaxationStep step : relaxation) {
            if (secondsInQueue < step.afterSeconds()) {
                continue;
            }
            for (String skill : List.copyOf(out.keySet())) {
                if (step.skill().equals("*") || step.skill().equals(skill)) {
                    if (step.minLevel() == null) {
                        out.remove(skill);
                    } else {
                        out.put(skill, Math.min(out.get(skill), step.minLevel()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every timed rule in order: the explicit overflow rules, then max wait and leave-when-empty as implicit
     * rules with the exit action.
     */
    @JsonIgnore
    public List<OverflowRule> timedRules() {
        List<OverflowRule> rules = new ArrayList<>(overflow);
        if (maxWaitSeconds != null) {
            rules.add(new OverflowRule(maxWaitSeconds, false, exitAction));
        }
        if (leaveWhenEmpty) {
            rules.add(new OverflowRule(null, true, exitAction));
        }
        return rules;
    }

    /** Cross-field problems, each naming its field; empty when the definition is valid. */
    public List<String> problems(String selfId) {
        List<String> problems = new ArrayList<>();
        if (hours != null) {
            problems.addAll(hours.problems("hours"));
        }
        problems.addAll(closedAction.problems("closedAction", false));
        problems.addAll(exitAction.problems("exitAction", false));
        for (int i = 0; i < overflow.size(); i++) {
            OverflowRule rule = overflow.get(i);
            String path = "overflow[" + i + "]";
            if (rule.afterSeconds() == null && !rule.whenNoAgents()) {
                problems.add(path + ": give afterSeconds, whenNoAgents or both");
            }
            problems.addAll(rule.then().problems(path + ".then", true));
            if (selfId.equals(rule.then().targetQueueId())) {
                problems.add(path + ".then.targetQueueId: a queue cannot overflow into itself");
            }
        }
        return problems;
    }
}
