package io.contactcenter.crm.casework;

/** Sets the SLA due time ({@code cc.crm.sla.*}). */
public enum CasePriority {
    LOW, NORMAL, HIGH, URGENT
}
