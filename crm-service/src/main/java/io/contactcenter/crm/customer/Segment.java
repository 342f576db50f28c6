package io.contactcenter.crm.customer;

/** Drives routing priority: VIP and new customers can be served first. */
public enum Segment {
    VIP, NEW, STANDARD
}
