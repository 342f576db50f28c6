package io.contactcenter.crm.casework;

import io.contactcenter.crm.interaction.RecordingView;
import java.time.Instant;
import java.util.List;

public record CaseView(String caseId, String customerId, String contactId, CaseCategory category, CasePriority priority,
        String productLine, String region, String subject, String description, CaseStatus status, String partnerId,
        Instant slaDueAt, boolean overdue, String delayReason, Instant createdAt, Instant updatedAt, Instant resolvedAt,
        int version, List<CaseEventView> history, List<RecordingView> recordings) {

    public record CaseEventView(Instant at, CaseStatus status, String actor, String partnerId, String note,
            String delayReason) {
    }
}
