package io.contactcenter.web.config;

import io.contactcenter.web.signin.DevSignInResource;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the pages need to know before signing in: the identity provider, or that dev sign-in is available. */
@Path("/auth/config")
public class ClientConfigResource {

    private final WebConfig config;

    public ClientConfigResource(WebConfig config) {
        this.config = config;
    }

    @GET
    @PermitAll
    public Map<String, Object> get() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("devSignIn", DevSignInResource.enabled(config));
        config.oidc().authority().ifPresent(authority -> answer.put("oidc", Map.of("authority", authority,
                "clientId", config.oidc().clientId(), "scope", config.oidc().scope())));
        return answer;
    }
}
