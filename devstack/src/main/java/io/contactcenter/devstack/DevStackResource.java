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
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.password", DevStack.dbPassword(service));
        config.put("mp.jwt.verify.publickey.location", DevStack.publicKey().toUri().toString());
        config.put("smallrye.jwt.sign.key.location", DevStack.privateKey().toUri().toString());
        config.put("kafka.bootstrap.servers", DevStack.KAFKA_BOOTSTRAP);
        return config;
    }

    @Override
    public void stop() {
        // the broker and database are shared by every test JVM and by ./contact-center up: leave them running
    }
}
