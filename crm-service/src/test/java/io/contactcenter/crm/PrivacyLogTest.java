package io.contactcenter.crm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whatever the service logs while it handles a customer's data, the personal data itself is not in it. */
@QuarkusTest
@CrmStack
class PrivacyLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            lines.add(formatter.format(r) + (r.getThrown() == null ? "" : r.getThrown().toString()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void namesNumbersAndEmailsNeverReachTheLog() {
        String phone = CrmFixtures.phone();
        String name = "Philippa Privatperson";
        String email = "philippa.private@example.org";
        String id = given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body("{\"displayName\":\"%s\",\"email\":\"%s\",\"segment\":\"VIP\",\"phones\":[\"%s\"],\"attributes\":{\"plate\":\"B-PP-1234\"}}"
                        .formatted(name, email, phone))
                .when().post("/crm/customers").then().statusCode(201).extract().path("customerId");
        given().header("Authorization", Tokens.bearer("telephony")).queryParam("phone", phone)
                .when().get("/crm/customers/lookup").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("telephony")).queryParam("phone", phone.replace("+", "00"))
                .when().get("/crm/customers/lookup").then().statusCode(400);
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body("{\"displayName\":\"%s\",\"segment\":\"VIP\",\"phones\":[\"%s\"]}".formatted(name, phone))
                .when().post("/crm/customers").then().statusCode(409);
        String region = "r-" + System.nanoTime();
        CrmFixtures.partner(region, 2, "tyres");
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body("""
                        {"customerId":"%s","category":"COMPLAINT","productLine":"tyres","region":"%s",
                         "subject":"%s says the tyres are wrong","autoDispatch":true}
                        """.formatted(id, region, name))
                .when().post("/crm/cases").then().statusCode(201);
        given().header("Authorization", Tokens.bearer("admin")).contentType("text/csv")
                .body("displayName,segment,phones,email\n%s,VIP,%s,%s\n".formatted(name, phone, email))
                .when().post("/crm/customers/import").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("supervisor")).when().delete("/crm/customers/" + id)
                .then().statusCode(204);

        assertThat(lines).as("log lines").noneMatch(l -> l.contains(name) || l.contains(email)
                || l.contains(phone) || l.contains(phone.substring(1)) || l.contains("B-PP-1234"));
        assertThat(lines).as("the log notifier did write").anyMatch(l -> l.contains("case.dispatched"));
    }
}
