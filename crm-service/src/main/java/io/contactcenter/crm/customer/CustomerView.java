package io.contactcenter.crm.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record CustomerView(String customerId, String displayName, String email, String language, Segment segment,
        String loyaltyTier, List<String> phones, String region, Consents consents, Map<String, Object> attributes,
        int version, Instant createdAt, Instant updatedAt) {
}
