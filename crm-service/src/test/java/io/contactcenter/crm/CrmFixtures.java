package io.contactcenter.crm;

import static io.restassured.RestAssured.given;

import io.contactcenter.devstack.Tokens;
import java.util.concurrent.ThreadLocalRandom;

/** Customers and partners for the tests, each with fresh random ids and numbers. */
public final class CrmFixtures {

    private CrmFixtures() {
    }

    public record Created(String customerId, String phone) {
    }

    /** A random, valid Berlin number in E.164. */
    public static String phone() {
        return "+4930" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    public static Created customer(String segment) {
        String phone = phone();
        String id = given().header("Authorization", Tokens.bearer("agent")).contentType("application/json")
                .body("""
                        {"displayName":"Test Customer","segment":"%s","phones":["%s"]}
                        """.formatted(segment, phone))
                .when().post("/crm/customers")
                .then().statusCode(201).extract().path("customerId");
        return new Created(id, phone);
    }

    public static String partner(String region, int capacity, String... skills) {
        String id = "p-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        given().header("Authorization", Tokens.bearer("supervisor")).contentType("application/json")
                .body("""
                        {"name":"Partner %s","kind":"TECHNICIAN","skills":["%s"],"region":"%s","capacity":%d}
                        """.formatted(id, String.join("\",\"", skills), region, capacity))
                .when().put("/crm/partners/" + id)
                .then().statusCode(200);
        return id;
    }
}
