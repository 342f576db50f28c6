package io.contactcenter.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The pages' server outside the dev profile: production sign-in only, strict headers, nothing forwarded. */
@QuarkusTest
class WebConsoleTest {

    @Test
    void offersTheIdentityProviderAndNoDevSignInOutsideTheDevProfile() {
        given().when().get("/auth/config").then().statusCode(200)
                .body("devSignIn", equalTo(false))
                .body("oidc.authority", equalTo("https://idp.example.com:8443/realms/contact-center"))
                .body("oidc.clientId", equalTo("contact-center-web"))
                .header("Cache-Control", "no-store");
        given().contentType("application/json").body("{\"user\":\"ann\",\"role\":\"agent\"}")
                .when().post("/auth/dev/token").then().statusCode(404);
    }

    @Test
    void pagesAllowConnectionsOnlyToThemselvesAndTheIdentityProvidersOrigin() {
        for (String page : new String[] {"/desk/", "/console/"}) {
            given().when().get(page).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", allOf(
                            containsString("script-src 'self';"),
                            containsString("connect-src 'self' https://idp.example.com:8443;"),
                            containsString("frame-ancestors 'none'"),
                            not(containsString("unsafe-inline"))))
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void apiPathsAreNotForwardedWithoutUpstreams() {
        given().when().get("/routing/queues").then().statusCode(404);
    }
}
