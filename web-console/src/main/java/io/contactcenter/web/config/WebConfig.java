package io.contactcenter.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** web-console settings under {@code cc.web}. */
@ConfigMapping(prefix = "cc.web")
public interface WebConfig {

    /**
     * Where the pages' API calls go when this process forwards them (locally, or without an ingress): path prefix
     * ({@code routing}, {@code ivr}, {@code callbacks}, {@code crm}, {@code reports}) to the service's base URL. Empty
     * (the chart's default) forwards nothing: the ingress sends those paths to the services itself.
     */
    Map<String, String> upstreams();

    Oidc oidc();

    DevSignIn devSignIn();

    /** Production sign-in: OpenID Connect authorization code with PKCE against the deployer's identity provider. */
    interface Oidc {
        /** The provider's issuer URL (its {@code /.well-known/openid-configuration} is read by the browser). */
        Optional<String> authority();

        /** The public client registered for the pages (no secret: PKCE protects the code). */
        @WithDefault("contact-center-web")
        String clientId();

        /** Scopes asked for; the access token must carry the suite's audience and the user's roles in {@code groups}. */
        @WithDefault("openid profile")
        String scope();
    }

    /**
     * Local sign-in that mints tokens with the dev key: only when the {@code dev} profile is active and a key is
     * given. Never in production, where the identity provider issues tokens.
     */
    interface DevSignIn {
        /** PEM (PKCS#8) private key that signs the local tokens; the same key pair the services verify with. */
        Optional<String> keyLocation();

        /** Lifetime of a minted token (the services refuse tokens older than 12 hours). */
        @WithDefault("PT8H")
        Duration lifespan();
    }
}
