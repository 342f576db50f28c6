package io.contactcenter.devstack;

import io.contactcenter.events.Topics;
import java.util.HashMap;
import java.util.List;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.time.Duration;

/** Creates the suite's topics ({@link Topics#ALL}, {@link Topics#INTERNAL}) that do not exist yet. Idempotent. */
public final class TopicSetup {

    private TopicSetup() {
    }

    public static void main(String[] args) throws Exception {
        List<String> created = ensure(args.length > 0 ? args[0] : DevStack.KAFKA_BOOTSTRAP);
        System.err.println("[contact-center] topics ready" + (created.isEmpty() ? "" : ", created " + created));
    }

    /**
     * Moves consumer group {@code group} to the current end of every suite topic, so a test run consumes
     * only what it produces, not a backlog left by earlier runs or benchmarks on the same broker. The group
     * must have no live members (call it before the consuming service starts).
     */
    public static void skipToEnd(String bootstrap, String group) {
        moveGroup(bootstrap, group, ends(bootstrap, Topics.ALL.stream().map(Topics.Spec::name).toList()));
    }

    /** The current end offset of every partition of {@code topics}. */
    public static Map<TopicPartition, Long> ends(String bootstrap, List<String> topics) {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(d -> d.partitions()
                    .forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topics + ": " + e, e);
        }
    }

    /**
     * Sets consumer group {@code group}'s committed offsets, e.g. to where a run began, so a service started in that
     * group reads exactly the run's events. The group must have no live members.
     */
    public static void moveGroup(String bootstrap, String group, Map<TopicPartition, Long> offsets) {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> to = new HashMap<>();
            offsets.forEach((tp, offset) -> to.put(tp, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(group, to).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot move group " + group + ": " + e, e);
        }
    }

    /**
     * Whether consumer group {@code group} has consumed everything a read_committed reader can see on
     * {@code topics}. Its committed offsets cannot be compared with the end offsets: a transactional producer
     * (the outbox relay) ends every batch with a commit marker, which takes an offset no consumer ever
     * processes, so a group that is fully caught up still sits one offset before the end. Instead, the
     * partitions whose committed offset is short of the end are read from that offset to the end: caught up
     * when no record is there.
     */
    public static boolean caughtUp(String bootstrap, String group, List<String> topics) {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(d -> d.partitions()
                    .forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> behind = new HashMap<>();
            admin.listOffsets(request, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, end) -> {
                        long at = committed.containsKey(tp) && committed.get(tp) != null ? committed.get(tp).offset() : 0;
                        if (at < end.offset()) {
                            behind.put(tp, end.offset());
                        }
                    });
            return behind.isEmpty() || noRecordsBefore(bootstrap, committed, behind);
        } catch (Exception e) {
            return false; // the group has not committed yet, or the broker is busy: not caught up
        }
    }

    private static boolean noRecordsBefore(String bootstrap, Map<TopicPartition, OffsetAndMetadata> committed,
            Map<TopicPartition, Long> ends) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(ends.keySet());
            ends.keySet().forEach(tp -> consumer.seek(tp,
                    committed.containsKey(tp) && committed.get(tp) != null ? committed.get(tp).offset() : 0));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        return false;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
            }
            return true;
        }
    }

    public static List<String> ensure(String bootstrap) {
        try (Admin admin = admin(bootstrap)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = java.util.stream.Stream.concat(Topics.ALL.stream(), Topics.INTERNAL.stream())
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config()))
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

    /** Creates a topic outside the suite's (a benchmark's own), with {@code partitions} partitions. */
    public static void create(String bootstrap, String topic, int partitions) {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic + " on " + bootstrap + ": " + e, e);
        }
    }

    /** Deletes a topic {@link #create} made, with its events. */
    public static void delete(String bootstrap, String topic) {
        try (Admin admin = admin(bootstrap)) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot delete topic " + topic + " on " + bootstrap + ": " + e, e);
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }
}
