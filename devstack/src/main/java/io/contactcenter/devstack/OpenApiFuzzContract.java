package io.contactcenter.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Every operation of a service's OpenAPI document against hostile input ({@link OpenApiFuzz}): 2xx or 4xx, never a
 * 5xx or a hang. A service's {@code @QuarkusTest} extends it with its stack annotation.
 */
public abstract class OpenApiFuzzContract {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAnswersHostileInputWithoutAServerError() throws Exception {
        OpenApiFuzz.Report report = OpenApiFuzz.run(base, Tokens.allRoles(), 20261203L);
        System.err.printf("[fuzz] %s: %d operations, %d requests, %d findings%n", getClass().getPackageName(),
                report.operations(), report.requests(), report.findings().size());
        report.findings().forEach(f -> System.err.println("[fuzz]   " + f));
        assertThat(report.operations()).as("operations in the OpenAPI document").isGreaterThan(3);
        assertThat(report.findings()).as("5xx, timeouts or dropped connections").isEmpty();
    }
}
