package io.contactcenter.crm.partner;

import java.time.Instant;
import java.util.List;

/** {@code slaRecord} is resolved-within-SLA over resolved (null before the first resolution). */
public record PartnerView(String partnerId, String name, PartnerRequest.PartnerKind kind, List<String> skills, String region,
        int capacity, int openJobs, boolean active, int slaMet, int slaMissed, Double slaRecord, String notifyUrl,
        Instant createdAt, Instant updatedAt) {
}
