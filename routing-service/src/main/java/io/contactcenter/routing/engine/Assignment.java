package io.contactcenter.routing.engine;

/** The matcher's decision: offer this contact to this agent. */
public record Assignment(WaitingContact contact, String agentId) {
}
