package io.contactcenter.routing.support;

import io.quarkus.security.identity.SecurityIdentity;

/** Who acts: an agent acts as itself; supervisors and services act for whoever handles the contact. */
public final class Caller {

    private Caller() {
    }

    /**
     * Fails unless the caller may see what belongs to {@code ownerAgentId}: an agent sees only its own (the
     * caller's number and CRM context travel with offers and contacts), anyone else with access sees all.
     */
    public static void requireOwnOrPrivileged(SecurityIdentity identity, String ownerAgentId, String what) {
        io.contactcenter.events.security.Roles.requireOwn(identity, ownerAgentId, what);
    }

    /** The agent id a request is bound to, or null when the caller may act for any agent. */
    public static String agentOrNull(SecurityIdentity identity) {
        boolean privileged = identity.hasRole("supervisor") || identity.hasRole("admin") || identity.hasRole("service");
        return privileged ? null : identity.getPrincipal().getName();
    }
}
