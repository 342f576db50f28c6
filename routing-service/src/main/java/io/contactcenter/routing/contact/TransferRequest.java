package io.contactcenter.routing.contact;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Transfer target: a queue, an agent (offered first for a while), or both. */
public record TransferRequest(@Size(max = 64) String queueId, @Size(max = 64) String agentId,
        @Min(0) @Max(100) Integer priority) {

    @AssertTrue(message = "give queueId, agentId or both")
    public boolean isTarget() {
        return queueId != null || agentId != null;
    }
}
