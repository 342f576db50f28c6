package io.contactcenter.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource: the real local PostgreSQL and Kafka broker (started through the project's
 * script if they are not running), the suite's topics, the service's database password and the dev key
 * pair. Init arg {@code service}: routing, ivr, callback, crm or reporting.
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        if (service == null) {
            throw new IllegalArgumentException("DevStackResource needs initArgs service=<name>");
        }
    }

    @Override
    public Map<String, String> start() {
        DevStack.ensureInfra();
        TopicSetup.ensure(DevStack.KAFKA_BOOTSTRAP);
        skipBacklog(service + "-service-test");
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.password", DevStack.dbPassword(service));
        config.put("mp.jwt.verify.publickey.location", DevStack.publicKey().toUri().toString());
        config.put("smallrye.jwt.sign.key.location", DevStack.privateKey().toUri().toString());
        config.put("kafka.bootstrap.servers", DevStack.KAFKA_BOOTSTRAP);
        return config;
    }

    /**
     * Tests consume only what they produce: the service's test consumer group starts at the topic ends, not
     * behind a backlog from earlier runs, benchmarks or {@code ./contact-center up} on the same broker.
     */
    private static void skipBacklog(String group) {
        try {
            TopicSetup.skipToEnd(DevStack.KAFKA_BOOTSTRAP, group);
        } catch (IllegalStateException e) {
            // still joined by a previous app in this JVM: it is at the end already
            System.err.println("[contact-center] " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        // the broker and database are shared by every test JVM and by ./contact-center up: leave them running
    }
}
