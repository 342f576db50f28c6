package io.contactcenter.crm.casework;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a service request, from registration to completion. A partner holds a job (it counts against
 * the partner's capacity) from DISPATCHED until the case is resolved, cancelled or handed back.
 */
public enum CaseStatus {
    REGISTERED, DISPATCHED, ACCEPTED, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELLED;

    /** Where each status may go by a status change; DISPATCHED is reached only through dispatch. */
    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            REGISTERED, EnumSet.of(RESOLVED, CANCELLED),
            DISPATCHED, EnumSet.of(ACCEPTED, IN_PROGRESS, ON_HOLD, RESOLVED, REGISTERED, CANCELLED),
            ACCEPTED, EnumSet.of(IN_PROGRESS, ON_HOLD, RESOLVED, REGISTERED, CANCELLED),
            IN_PROGRESS, EnumSet.of(ON_HOLD, RESOLVED, CANCELLED),
            ON_HOLD, EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED),
            RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS),
            CLOSED, EnumSet.noneOf(CaseStatus.class),
            CANCELLED, EnumSet.noneOf(CaseStatus.class));

    private static final Set<CaseStatus> PARTNER_JOB = EnumSet.of(DISPATCHED, ACCEPTED, IN_PROGRESS, ON_HOLD);
    private static final Set<CaseStatus> OPEN = EnumSet.of(REGISTERED, DISPATCHED, ACCEPTED, IN_PROGRESS, ON_HOLD);

    public boolean mayChangeTo(CaseStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<CaseStatus> next() {
        return NEXT.get(this);
    }

    /** Counts against the assigned partner's capacity. */
    public boolean isPartnerJob() {
        return PARTNER_JOB.contains(this);
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
