package io.contactcenter.ivr.number;

import java.time.Instant;

public record BindingView(String number, String flowId, Instant updatedAt, String updatedBy) {

    static BindingView of(NumberBinding b) {
        return new BindingView(b.e164, b.flowId, b.updatedAt, b.updatedBy);
    }
}
