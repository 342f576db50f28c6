package io.contactcenter.crm.casework;

/** The three kinds of after-sales request, each with its two flavours. */
public enum CaseCategory {
    FAULT_REPORT, SERVICE_REQUEST,
    FOLLOW_UP, INFORMATION,
    COMPLAINT, SUGGESTION
}
