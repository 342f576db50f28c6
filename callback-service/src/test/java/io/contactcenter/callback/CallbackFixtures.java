package io.contactcenter.callback;

import static io.restassured.RestAssured.given;

import io.contactcenter.devstack.Tokens;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Queues with policies and fresh numbers for the callback tests. */
final class CallbackFixtures {

    private CallbackFixtures() {
    }

    static String phone() {
        return "+4930" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** A queue that calls around the clock (so tests run at any hour), with the given attempts and abandon rules. */
    static String queue(int maxAttempts, boolean autoReturn, int minAbandonWait, int maxPerDay) {
        String queue = "cbq-" + UUID.randomUUID().toString().substring(0, 8);
        String allDay = "[{\"open\":\"00:00\",\"close\":\"00:00\"}]";
        given().header("Authorization", Tokens.bearer("supervisor")).contentType("application/json")
                .body("""
                        {"maxAttempts":%d,"minRetryIntervalSeconds":60,"backoffMultiplier":2,"maxPerNumberPerDay":%d,
                         "minAbandonWaitSeconds":%d,"autoReturnAbandoned":%s,"timeZone":"Europe/Berlin",
                         "callingHours":{"weekly":{"MONDAY":%s,"TUESDAY":%s,"WEDNESDAY":%s,"THURSDAY":%s,"FRIDAY":%s,
                           "SATURDAY":%s,"SUNDAY":%s},"holidays":[]}}
                        """.formatted(maxAttempts, maxPerDay, minAbandonWait, autoReturn, allDay, allDay, allDay, allDay,
                        allDay, allDay, allDay))
                .when().put("/callbacks/policies/" + queue)
                .then().statusCode(200);
        return queue;
    }
}
