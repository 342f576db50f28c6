package io.contactcenter.routing.offer;

/** PENDING and ACCEPTED are live (count against the agent's capacity); the rest are history. */
public enum OfferStatus {
    PENDING, ACCEPTED, REJECTED, TIMED_OUT, CANCELLED, ENDED
}
