package io.contactcenter.devstack;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;

/** Bearer tokens for tests, signed with the dev key the services trust (config from {@link DevStackResource}). */
public final class Tokens {

    /** The audience the services verify ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "contact-center";
    public static final String ISSUER = "https://contact-center.local";

    private Tokens() {
    }

    private static JwtClaimsBuilder claims(String subject, String role) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(subject).groups(Set.of(role));
    }

    public static String bearer(String role) {
        return "Bearer " + claims("test-" + role, role).sign();
    }

    /** A token for the agent desktop of {@code agentId}: role agent, principal name = the agent id. */
    public static String agent(String agentId) {
        return "Bearer " + claims(agentId, "agent").sign();
    }

    /** A token for {@code subject} (principal name) in {@code role}: a service partner, a named supervisor. */
    public static String as(String subject, String role) {
        return "Bearer " + claims(subject, role).sign();
    }

    /** A token with every role of the suite, so a fuzz reaches each operation past its role check. */
    public static String allRoles() {
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).upn("fuzz")
                .groups(Set.of("agent", "supervisor", "admin", "telephony", "service", "partner")).sign();
    }

    /** A correctly signed token whose lifetime ended an hour ago. */
    public static String expired(String role) {
        Instant now = Instant.now();
        return "Bearer " + claims("test-" + role, role)
                .issuedAt(now.minus(2, ChronoUnit.HOURS))
                .expiresAt(now.minus(1, ChronoUnit.HOURS))
                .sign();
    }

    /** Correctly signed and not expired, but issued longer ago than the services accept (12 hours). */
    public static String tooOld(String role) {
        Instant now = Instant.now();
        return "Bearer " + claims("test-" + role, role)
                .issuedAt(now.minus(13, ChronoUnit.HOURS))
                .expiresAt(now.plus(1, ChronoUnit.HOURS))
                .sign();
    }

    /** Correctly signed, from another issuer. */
    public static String wrongIssuer(String role) {
        return "Bearer " + Jwt.issuer("https://elsewhere.example").audience(AUDIENCE).upn("test-" + role)
                .groups(Set.of(role)).sign();
    }

    /** Correctly signed, meant for another audience. */
    public static String wrongAudience(String role) {
        return "Bearer " + Jwt.issuer(ISSUER).audience("some-other-api").upn("test-" + role).groups(Set.of(role)).sign();
    }

    /** Every claim right, signed by a key the services do not trust. */
    public static String otherKey(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            return "Bearer " + claims("test-" + role, role).sign(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every claim right and no signature at all ({@code "alg":"none"}). */
    public static String unsigned(String role) {
        String signed = claims("test-" + role, role).sign();
        String payload = signed.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return "Bearer " + header + "." + payload + ".";
    }
}
