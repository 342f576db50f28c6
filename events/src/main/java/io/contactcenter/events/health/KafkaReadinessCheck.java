package io.contactcenter.events.health;

import io.contactcenter.events.KafkaClients;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kafka cluster answers. Bounded by a short timeout: Quarkus' own Kafka check waits
 * for the admin client's default minute, which makes the probe hang instead of saying DOWN.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements AsyncHealthCheck {

    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;
    private volatile Admin admin;

    public KafkaReadinessCheck(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "cc.health.kafka-timeout", defaultValue = "2s") Duration timeout) {
        this.kafkaConfig = kafkaConfig;
        this.timeout = timeout;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom()
                .completionStage(() -> admin().describeCluster(new DescribeClusterOptions()
                        .timeoutMs((int) timeout.toMillis())).nodes().toCompletionStage())
                .map(nodes -> HealthCheckResponse.named("Kafka").up()
                        .withData("nodes", nodes.stream().map(n -> n.host() + ":" + n.port())
                                .collect(Collectors.joining(",")))
                        .build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("Kafka").down()
                        .withData("reason", String.valueOf(e.getMessage())).build());
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> props = KafkaClients.settings(kafkaConfig, AdminClientConfig.configNames());
                    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness-" + ProcessHandle.current().pid());
                    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                    admin = Admin.create(props);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
