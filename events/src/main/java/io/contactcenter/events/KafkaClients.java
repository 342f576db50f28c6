package io.contactcenter.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Builds plain Kafka client settings from the application's {@code default-kafka-broker} configuration. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * The entries of {@code config} a client of one kind understands ({@code ProducerConfig.configNames()},
     * {@code AdminClientConfig.configNames()}...), so connector-only keys do not raise "unknown config" warnings.
     */
    public static Map<String, Object> settings(Map<String, Object> config, Set<String> known) {
        Map<String, Object> props = new HashMap<>();
        config.forEach((k, v) -> {
            if (known.contains(k)) {
                props.put(k, v);
            }
        });
        return props;
    }
}
