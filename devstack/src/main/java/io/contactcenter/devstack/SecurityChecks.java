package io.contactcenter.devstack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The 401/403 contract every service's API must keep, checked the same way for each. */
public final class SecurityChecks {

    private SecurityChecks() {
    }

    /** No token → 401 problem with a Bearer challenge; expired token → 401. */
    public static void requiresToken(String method, String path) {
        given().contentType("application/json").body("{}")
                .when().request(method, path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().header("Authorization", Tokens.expired("admin")).contentType("application/json").body("{}")
                .when().request(method, path)
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    /** A valid token with the wrong role → 403 problem. */
    public static void forbids(String role, String method, String path) {
        given().header("Authorization", Tokens.bearer(role)).contentType("application/json").body("{}")
                .when().request(method, path)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    public static void healthMetricsAndOpenApiStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
