package io.contactcenter.routing.agent;

/**
 * The state shown for an agent: presence set by the agent (logged out, available, not ready) refined by
 * work: an offer pending (RESERVED), a contact in progress (BUSY), after-contact work (WRAP_UP).
 */
public enum AgentState {
    LOGGED_OUT, AVAILABLE, NOT_READY, RESERVED, BUSY, WRAP_UP;

    /** The states an agent may set directly through {@code POST /routing/agents/{id}/state}. */
    public boolean isPresence() {
        return this == LOGGED_OUT || this == AVAILABLE || this == NOT_READY;
    }
}
