package io.contactcenter.callback;

import static io.restassured.RestAssured.given;

import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confirmation and reminder through the notifier port's logging adapter (the default). In tests the reminder lead is
 * 3 s ({@code %test.cc.callback.reminder-lead}), so a callback booked 6 s ahead is reminded about 3 s later.
 */
@QuarkusTest
@CallbackStack
class NotificationTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            lines.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
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
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aBookedCallbackIsConfirmedAndRemindedOnceBeforeItIsDue() {
        String queue = CallbackFixtures.queue(3, false, 20, 3);
        LocalDateTime soon = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        String id = given().header("Authorization", Tokens.bearer("telephony")).contentType("application/json")
                .body("{\"phone\":\"%s\",\"queueId\":\"%s\",\"windowStart\":\"%s\",\"windowEnd\":\"%s\",\"timeZone\":\"Europe/Berlin\"}"
                        .formatted(CallbackFixtures.phone(), queue, soon, soon.plusHours(1)))
                .when().post("/callbacks").then().statusCode(201).extract().path("callbackId");
        Eventually.await("confirmation", Duration.ofSeconds(5), Duration.ofMillis(100),
                () -> lines.stream().anyMatch(l -> l.contains("callback.confirmed") && l.contains(id)));
        Eventually.await("reminder", Duration.ofSeconds(10), Duration.ofMillis(100),
                () -> lines.stream().anyMatch(l -> l.contains("callback.reminder") && l.contains(id)));
        Eventually.await("due and handed to routing", Duration.ofSeconds(15), Duration.ofMillis(200), () -> "QUEUED".equals(
                given().header("Authorization", Tokens.bearer("telephony")).when().get("/callbacks/" + id)
                        .then().extract().path("status")));
        org.assertj.core.api.Assertions.assertThat(lines.stream().filter(l -> l.contains("callback.reminder") && l.contains(id)))
                .hasSize(1);
    }
}
