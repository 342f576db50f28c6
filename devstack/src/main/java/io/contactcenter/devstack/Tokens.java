package io.contactcenter.devstack;

import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Bearer tokens for tests, signed with the dev key the services trust (config from {@link DevStackResource}). */
public final class Tokens {

    private Tokens() {
    }

    public static String bearer(String role) {
        return "Bearer " + Jwt.upn("test-" + role).groups(Set.of(role)).sign();
    }

    /** A token for the agent desktop of {@code agentId}: role agent, principal name = the agent id. */
    public static String agent(String agentId) {
        return "Bearer " + Jwt.upn(agentId).groups(Set.of("agent")).sign();
    }

    /** A token for {@code subject} (principal name) in {@code role}: a service partner, a named supervisor. */
    public static String as(String subject, String role) {
        return "Bearer " + Jwt.upn(subject).groups(Set.of(role)).sign();
    }

    /** A correctly signed token whose lifetime ended an hour ago. */
    public static String expired(String role) {
        Instant now = Instant.now();
        return "Bearer " + Jwt.upn("test-" + role).groups(Set.of(role))
                .issuedAt(now.minus(2, ChronoUnit.HOURS))
                .expiresAt(now.minus(1, ChronoUnit.HOURS))
                .sign();
    }
}
