package io.contactcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Production sign-in in headless Chromium: the desk sends the user to the identity provider with a PKCE challenge
 * (S256), comes back with a code, redeems it with the verifier and no client secret, and works as the user the token
 * names, with the roles in its "groups". No dev sign-in is offered outside the dev profile.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeIdentityProvider.class, restrictToAnnotatedClass = true)
class OidcSignInBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAgentSignsInWithAuthorizationCodeAndPkce() throws Exception {
        Process node = new ProcessBuilder("node",
                FakeIdentityProvider.root().resolve("tools/browser-tests/oidc-signin.mjs").toString(),
                base.toString().replaceAll("/$", ""), FakeIdentityProvider.url)
                .redirectErrorStream(true).start();
        String out;
        try (var in = node.getInputStream()) {
            assertThat(node.waitFor(90, TimeUnit.SECONDS)).as("browser check finished").isTrue();
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        assertThat(node.exitValue()).as(out).isZero();
        JsonNode seen = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());

        assertThat(seen.get("devFormShown").asInt()).as("no dev sign-in outside the dev profile").isZero();
        assertThat(seen.get("who").asText()).isEqualTo(FakeIdentityProvider.USER);
        assertThat(seen.at("/session/roles/0").asText()).isEqualTo("agent");
        assertThat(seen.get("url").asText()).as("code and state removed from the address bar")
                .endsWith("/desk/").doesNotContain("code=");
        JsonNode authorize = seen.at("/log/0");
        assertThat(authorize.get("step").asText()).isEqualTo("authorize");
        assertThat(authorize.get("responseType").asText()).isEqualTo("code");
        assertThat(authorize.get("challengeMethod").asText()).isEqualTo("S256");
        assertThat(authorize.get("clientId").asText()).isEqualTo("desk-test");
        assertThat(authorize.get("redirectUri").asText()).endsWith("/desk/");
        JsonNode token = seen.at("/log/1");
        assertThat(token.get("step").asText()).isEqualTo("token");
        assertThat(token.get("grantType").asText()).isEqualTo("authorization_code");
        assertThat(token.get("verifierVerified").asBoolean()).as("the code was redeemed with the PKCE verifier").isTrue();
        assertThat(token.get("hasSecret").asBoolean()).as("a public client: no secret in the browser").isFalse();
        assertThat(seen.get("errors")).isEmpty();
        assertThat(seen.get("csp")).as("the identity provider's origin is allowed by the page's CSP").isEmpty();
    }
}
