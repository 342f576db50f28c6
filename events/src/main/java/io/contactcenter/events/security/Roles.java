package io.contactcenter.events.security;

import io.quarkus.security.identity.SecurityIdentity;

/** The suite's roles, and the one rule on which callers see only their own records. */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String TELEPHONY = "telephony";
    public static final String SERVICE = "service";
    public static final String PARTNER = "partner";

    private Roles() {
    }

    /**
     * Whether the caller is an agent and nothing more: such a caller reads and changes only what is its own
     * (its profile, its offers, the contacts and callbacks it handles or asked for). Supervisors, admins, the
     * telephony edge and the suite's services act on everything their role allows.
     */
    public static boolean agentOnly(SecurityIdentity identity) {
        return identity.hasRole(AGENT) && !identity.hasRole(SUPERVISOR) && !identity.hasRole(ADMIN)
                && !identity.hasRole(SERVICE) && !identity.hasRole(TELEPHONY);
    }

    /** Fails with 403 when an agent-only caller reaches for what belongs to {@code owner} (another agent, or no one). */
    public static void requireOwn(SecurityIdentity identity, String owner, String what) {
        if (agentOnly(identity) && !identity.getPrincipal().getName().equals(owner)) {
            throw new io.quarkus.security.ForbiddenException("agents may read and change only their own " + what);
        }
    }
}
