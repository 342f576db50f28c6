package io.contactcenter.devstack;

import io.contactcenter.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the suite's topics ({@link Topics#ALL}) that do not exist yet. Idempotent. */
public final class TopicSetup {

    private TopicSetup() {
    }

    public static void main(String[] args) throws Exception {
        List<String> created = ensure(args.length > 0 ? args[0] : DevStack.KAFKA_BOOTSTRAP);
        System.err.println("[contact-center] topics ready" + (created.isEmpty() ? "" : ", created " + created));
    }

    public static List<String> ensure(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // a parallel test JVM may have created it in between: that is fine
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics on " + bootstrap + ": " + e, e);
        }
    }
}
