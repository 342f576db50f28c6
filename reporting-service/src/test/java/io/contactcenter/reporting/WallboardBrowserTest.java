package io.contactcenter.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.Channel;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.callback.CallbackRequested;
import io.contactcenter.events.contact.ContactAbandoned;
import io.contactcenter.events.contact.ContactQueued;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The wallboard page in real headless Chromium (Debian chromium driven by playwright-core, both installed by
 * {@code ./contact-center test}), fed by the real SSE stream from events on the real broker. The screenshot is
 * kept in {@code target/wallboard.png}.
 */
@QuarkusTest
@ReportingStack
class WallboardBrowserTest {

    @Inject
    EventCodec codec;

    @TestHTTPResource("/")
    URI base;

    @Test
    void showsAQueueLiveWithItsServiceLevelAlert() throws Exception {
        String queue = "wall-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        String waiting = "c-" + UUID.randomUUID();
        String gone = "c-" + UUID.randomUUID();
        send(EventTypes.CONTACT_QUEUED, waiting, new ContactQueued(waiting, queue, Channel.VOICE, 1, now.minusSeconds(5),
                now.minusSeconds(5), Map.of(), 1, 42.0));
        String callback = "cb-" + UUID.randomUUID();
        KafkaProbe.send(Topics.CALLBACKS, callback, codec.write(codec.create(EventTypes.CALLBACK_REQUESTED, callback,
                new CallbackRequested(callback, gone, "+4930123456", queue, "abandoned", now, now.plusSeconds(3600)))));
        send(EventTypes.CONTACT_QUEUED, gone, new ContactQueued(gone, queue, Channel.VOICE, 1, now.minusSeconds(40),
                now.minusSeconds(40), Map.of(), 2, null));
        send(EventTypes.CONTACT_ABANDONED, gone, new ContactAbandoned(gone, queue, 30, 2, now.minusSeconds(10)));

        // contacts and callbacks arrive on different topics: let both land before the page takes its look
        Eventually.await("queue and its callback in the read models", Duration.ofSeconds(20), Duration.ofMillis(200), () -> {
            var q = io.restassured.RestAssured.given().header("Authorization", Tokens.bearer("supervisor"))
                    .when().get(base.resolve("reports/realtime/queues/" + queue)).then().extract();
            return q.statusCode() == 200 && Integer.valueOf(1).equals(q.path("scheduledCallbacks"))
                    && Integer.valueOf(1).equals(q.path("abandonedToday"));
        });
        Path tools = DevStack.root().resolve("tools/browser-tests");
        Path screenshot = DevStack.root().resolve("reporting-service/target/wallboard.png");
        String base = this.base.toString().replaceAll("/$", "");
        Process node = new ProcessBuilder("node", tools.resolve("wallboard.mjs").toString(), base,
                Tokens.bearer("supervisor").substring("Bearer ".length()), queue, screenshot.toString())
                .redirectErrorStream(true).start();
        String out;
        try (var in = node.getInputStream()) {
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("browser check finished").isTrue();
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        assertThat(node.exitValue()).as(out).isZero();
        JsonNode seen = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        // Queue, Waiting, Longest wait, Service level today, Offered, Answered, Abandoned
        assertThat(seen.get("cells").get(0).asText()).isEqualTo(queue);
        assertThat(seen.get("cells").get(1).asText()).isEqualTo("1");
        assertThat(seen.get("cells").get(3).asText()).as("EWT given to the latest caller").isEqualTo("42s");
        assertThat(seen.get("cells").get(4).asText()).isEqualTo("0.0 %");
        assertThat(seen.get("cells").get(7).asText()).isEqualTo("1");
        assertThat(seen.get("cells").get(8).asText()).as("scheduled callbacks").isEqualTo("1");
        assertThat(seen.get("chartPoints").asInt()).as("service-level chart points").isPositive();
        assertThat(seen.get("backlog").asText()).startsWith("Backlog: ").contains("callbacks").contains("open cases");
        assertThat(seen.get("alerts").toString()).contains(queue + ": service level 0.0 % below target 80.0 %");
        assertThat(seen.get("status").asText()).startsWith("live");
        assertThat(seen.get("tokenInUrl").asBoolean()).as("token removed from the address bar").isFalse();
        assertThat(seen.get("errors")).isEmpty();
        assertThat(seen.get("csp").asText()).as("the page is served with a strict CSP").contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(seen.get("cspViolations")).as("nothing on the page needs what the CSP forbids").isEmpty();
        assertThat(Files.size(screenshot)).isPositive();
    }

    @Test
    void pagesAndApisCarrySecurityHeaders() {
        io.restassured.RestAssured.given().when().get(base.resolve("wallboard/"))
                .then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("default-src 'self'"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline"))))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                // no inline script or style for the CSP to allow
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<style>")));
        io.restassured.RestAssured.given().header("Authorization", Tokens.bearer("supervisor"))
                .when().get(base.resolve("reports/realtime/queues/none"))
                .then().header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff");
    }

    private void send(String type, String subject, Object data) {
        KafkaProbe.send(Topics.CONTACTS, subject, codec.write(codec.create(type, subject, data)));
    }
}
