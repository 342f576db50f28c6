package io.contactcenter.ivr.call;

import io.contactcenter.ivr.flow.HoldTreatment;
import java.time.Instant;
import java.util.Map;

/**
 * A call in the IVR. {@code state}: IVR (in the flow), QUEUED (waiting in routing, hold treatment), REFUSED (routing
 * could not take it), CONNECTED (an agent took it), ENDED. {@code version} guards against two events of one call being applied at once.
 */
public record Session(String id, String callId, String contactId, String flowId, int flowVersion, String from, String to,
        String state, String node, Map<String, Object> variables, int retries, boolean waiting, String queueId,
        Instant enqueuedAt, HoldTreatment.State hold, String agentId, String afterCall, String outcome, Instant startedAt,
        int version) {
}
