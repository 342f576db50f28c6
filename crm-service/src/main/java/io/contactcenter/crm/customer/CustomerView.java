package io.contactcenter.crm.customer;

import java.time.Instant;
import java.util.List;

public record CustomerView(String customerId, String displayName, String email, String language, Segment segment,
        List<String> phones, Instant createdAt, Instant updatedAt) {
}
