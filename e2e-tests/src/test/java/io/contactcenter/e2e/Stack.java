package io.contactcenter.e2e;

import static io.restassured.RestAssured.given;

import io.contactcenter.devstack.ServiceProcess;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.devstack.TopicSetup;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The real broker and database for tests that run packaged services as processes. */
final class Stack {

    private Stack() {
    }

    static void init() {
        DevStack.ensureInfra();
        TopicSetup.ensure(DevStack.KAFKA_BOOTSTRAP);
        System.setProperty("smallrye.jwt.sign.key.location", DevStack.privateKey().toUri().toString());
        System.setProperty("smallrye.jwt.new-token.issuer", "https://contact-center.local");
    }

    static String token(String role) {
        return Tokens.bearer(role);
    }

    /** A JDBC connection to the test database of {@code service}, with its own role, to check invariants. */
    static Connection database(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:5432/cc_" + service + "_test", "cc_" + service,
                DevStack.dbPassword(service));
    }

    static void queue(ServiceProcess routing, String id, String definition) {
        given().header("Authorization", token("admin")).contentType("application/json").body(definition)
                .when().put(routing.url("/routing/queues/" + id))
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }
}
