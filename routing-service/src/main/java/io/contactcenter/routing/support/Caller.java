package io.contactcenter.routing.support;

import io.quarkus.security.identity.SecurityIdentity;

/** Who acts: an agent acts as itself; supervisors and services act for whoever handles the contact. */
public final class Caller {

    private Caller() {
    }

    /** The agent id a request is bound to, or null when the caller may act for any agent. */
    public static String agentOrNull(SecurityIdentity identity) {
        boolean privileged = identity.hasRole("supervisor") || identity.hasRole("admin") || identity.hasRole("service")
                || identity.hasRole("telephony"); // the edge ends the call for the agent whose phone hung up
        return privileged ? null : identity.getPrincipal().getName();
    }
}
