package io.contactcenter.ivr.store;

import io.contactcenter.ivr.flow.FlowDocument;
import java.time.Instant;

/** One version of a flow: DRAFT (editable, replaced by the next upload), PUBLISHED (immutable). */
public record FlowVersionView(String flowId, int version, String status, boolean active, String format, Instant createdAt,
        String createdBy, Instant publishedAt, FlowDocument document) {
}
