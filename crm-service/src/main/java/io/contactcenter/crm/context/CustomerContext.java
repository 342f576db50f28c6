package io.contactcenter.crm.context;

import io.contactcenter.crm.customer.CustomerView;
import java.time.Instant;
import java.util.List;

/**
 * Everything an IVR or agent desktop needs when this customer calls: the profile, the recent history, what is
 * open, how the last contacts went and how likely the customer is to leave unhappy.
 */
public record CustomerContext(CustomerView customer, History history, List<OpenCase> openCases, Signals signals,
        RiskScore.Risk risk) {

    /** Contacts (calls and callbacks) started in the last {@code windowDays}. */
    public record History(int windowDays, int contacts, LastContact lastContact, String lastAgentId) {
    }

    public record LastContact(String contactId, String kind, String channel, String queueId, String agentId,
            Instant startedAt, String outcome) {
    }

    public record OpenCase(String caseId, String category, String priority, String status, String partnerId,
            Instant slaDueAt, boolean overdue) {
    }
}
