package io.contactcenter.web.signin;

import io.contactcenter.web.config.WebConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dev sign-in: mints a token for the user and role typed in, signed with the local dev key, so the pages work
 * without an identity provider on a developer's machine. It exists only with the {@code dev} profile and a key
 * ({@code cc.web.dev-sign-in.key-location}); otherwise it answers 404 and production signs in through OpenID Connect.
 */
@Path("/auth/dev/token")
public class DevSignInResource {

    private final WebConfig config;
    private final String issuer;
    private final String audience;
    private volatile PrivateKey key;

    public DevSignInResource(WebConfig config,
            @ConfigProperty(name = "smallrye.jwt.new-token.issuer") String issuer,
            @ConfigProperty(name = "smallrye.jwt.new-token.audience") String audience) {
        this.config = config;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** Whether this process may mint tokens: the dev profile is on and a key is configured. */
    public static boolean enabled(WebConfig config) {
        return ConfigUtils.getProfiles().contains("dev") && config.devSignIn().keyLocation().isPresent();
    }

    @POST
    @PermitAll
    public Map<String, Object> signIn(@Valid @NotNull SignInRequest request) throws Exception {
        if (!enabled(config)) {
            throw new NotFoundException("Dev sign-in is off (it needs the dev profile and a key); sign in with the"
                    + " identity provider.");
        }
        long lifespan = config.devSignIn().lifespan().toSeconds();
        String token = Jwt.issuer(issuer).audience(audience).subject(request.user()).upn(request.user())
                .groups(Set.of(request.role())).expiresIn(lifespan).jws().sign(key());
        return Map.of("accessToken", token, "expiresIn", lifespan, "user", request.user(), "role", request.role());
    }

    private PrivateKey key() throws Exception {
        if (key == null) {
            key = KeyUtils.decodePrivateKey(Files.readString(java.nio.file.Path.of(config.devSignIn().keyLocation().orElseThrow())));
        }
        return key;
    }
}
