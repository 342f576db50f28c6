package io.contactcenter.crm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The non-default settings, in one application restart: the webhook adapter of the notifier port against a real
 * HTTP endpoint, and lookups that create a customer for an unknown caller.
 */
@QuarkusTest
@CrmStack
@TestProfile(AlternativeSettingsTest.Alternatives.class)
class AlternativeSettingsTest {

    public static class Alternatives implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the test's receiver is plain http on loopback: allowed here by name, as a deployer would allow a host
            return Map.of("cc.notifier.kind", "webhook", "cc.crm.lookup.auto-create", "true",
                    "cc.notifier.allowed-hosts", "127.0.0.1,*.partner.example", "cc.notifier.allow-http", "true",
                    "cc.notifier.signing-secret", SECRET);
        }
    }

    static final String SECRET = "test-signing-secret";

    private final List<String> signatures = new CopyOnWriteArrayList<>();

    @Test
    void partnerWebhookUrlsOutsideTheAllowListAreRefusedAndStoreNothing() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://10.0.0.7/hook",
                "https://evil.example/hook", "https://user:pw@x.partner.example/hook", "ftp://x.partner.example/")) {
            String partner = "bad-hook-" + System.nanoTime();
            given().header("Authorization", Tokens.bearer("supervisor")).contentType("application/json")
                    .body("""
                            {"name":"Bad Hook","kind":"AGENCY","skills":["tyres"],"region":"r","capacity":1,"notifyUrl":"%s"}
                            """.formatted(url))
                    .when().put("/crm/partners/" + partner)
                    .then().statusCode(400).contentType("application/problem+json")
                    // named in the detail, or in errors[] when the URL is not even http(s)
                    .body(org.hamcrest.Matchers.containsString("notifyUrl"));
            given().header("Authorization", Tokens.bearer("supervisor")).when().get("/crm/partners/" + partner)
                    .then().statusCode(404);
        }
        given().header("Authorization", Tokens.bearer("supervisor")).contentType("application/json")
                .body("""
                        {"name":"Good Hook","kind":"AGENCY","skills":["tyres"],"region":"r","capacity":1,
                         "notifyUrl":"https://hooks.partner.example/cc"}
                        """)
                .when().put("/crm/partners/good-hook-" + System.nanoTime()).then().statusCode(200);
    }

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 204;

    @BeforeEach
    void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            signatures.add(io.contactcenter.events.notify.WebhookSignature.verify(SECRET,
                    exchange.getRequestHeaders().getFirst("X-CC-Timestamp"), body,
                    exchange.getRequestHeaders().getFirst("X-CC-Signature"), java.time.Instant.now().getEpochSecond(), 300)
                    ? "valid" : "invalid");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anUnknownCallerGetsALightweightRecordOnceEvenWhenCallingTwiceAtOnce() {
        String phone = CrmFixtures.phone();
        List<String> ids = java.util.stream.IntStream.range(0, 4).parallel().mapToObj(i -> given()
                        .header("Authorization", Tokens.bearer("telephony")).queryParam("phone", phone)
                        .when().get("/crm/customers/lookup")
                        .then().statusCode(200)
                        .body("customer.segment", equalTo("NEW"))
                        .body("customer.attributes.autoCreated", equalTo(true))
                        .extract().<String>path("customer.customerId"))
                .distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(given().header("Authorization", Tokens.bearer("agent")).queryParam("phone", phone)
                .when().get("/crm/customers").then().statusCode(200).extract().<List<String>>path("customerId"))
                .containsExactly(ids.get(0));
    }

    @Test
    void thePartnerHearsOfItsDispatchAndAFailingEndpointNeverUndoesIt() {
        String region = "r-" + System.nanoTime();
        String partner = "p-" + System.nanoTime();
        given().header("Authorization", Tokens.bearer("supervisor")).contentType("application/json")
                .body("""
                        {"name":"Hook Partner","kind":"AGENCY","skills":["tyres"],"region":"%s","capacity":3,
                         "notifyUrl":"http://127.0.0.1:%d/hooks"}
                        """.formatted(region, server.getAddress().getPort()))
                .when().put("/crm/partners/" + partner).then().statusCode(200);
        var customer = CrmFixtures.customer("NEW");
        String body = """
                {"customerId":"%s","category":"FAULT_REPORT","productLine":"tyres","region":"%s","subject":"Puncture",
                 "autoDispatch":true}
                """.formatted(customer.customerId(), region);
        String caseId = given().header("Authorization", Tokens.bearer("agent")).contentType("application/json").body(body)
                .when().post("/crm/cases").then().statusCode(201).body("partnerId", equalTo(partner))
                .extract().path("caseId");
        Eventually.await("webhook delivery", Duration.ofSeconds(10), Duration.ofMillis(100), () -> !received.isEmpty());
        assertThat(received.get(0)).contains(caseId).contains("\"recipient\":\"PARTNER\"").contains(partner)
                .doesNotContain("Puncture");
        assertThat(signatures).as("HMAC-SHA256 over timestamp and body, as a receiver checks it").containsOnly("valid");

        status = 500;
        received.clear();
        given().header("Authorization", Tokens.bearer("agent")).contentType("application/json").body(body)
                .when().post("/crm/cases").then().statusCode(201).body("status", equalTo("DISPATCHED"));
        // one try and two retries, then the fallback logs it
        Eventually.await("three delivery attempts", Duration.ofSeconds(10), Duration.ofMillis(100), () -> received.size() == 3);
        assertThat(received).hasSize(3);
    }
}
