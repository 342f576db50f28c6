package io.contactcenter.events.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.events.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Where a relay's last committed batch is recorded: one record per batch on {@link
 * io.contactcenter.events.Topics#OUTBOX_POSITIONS}, keyed by relay id, written inside the batch's own Kafka
 * transaction. A record there is therefore visible to read_committed readers exactly when the batch is.
 */
final class RelayPositions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_WINDOW = 256;

    private final String topic;
    private final String relayId;
    private final Map<String, Object> clientConfig;

    /** {@code clientConfig}: connection settings shared by admin and consumer (bootstrap, security). */
    RelayPositions(String topic, String relayId, Map<String, Object> clientConfig) {
        this.topic = topic;
        this.relayId = relayId;
        this.clientConfig = clientConfig;
    }

    /** The record announcing that {@code seqs} were published, for a topic of {@code partitions} partitions. */
    ProducerRecord<String, String> record(long[] seqs, int partitions) {
        String value = JSON.createObjectNode().put("relay", relayId).put("seqs", SeqRanges.encode(seqs)).toString();
        return new ProducerRecord<>(topic, partition(partitions), relayId, value);
    }

    /** Same placement for writer and reader, independent of the producer's partitioner setting. */
    int partition(int partitions) {
        return Utils.toPositive(Utils.murmur2(relayId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The sequence numbers of this relay's last committed batch, or empty when it never committed one. Call
     * after {@code initTransactions}, which completes or aborts this relay's own open transaction.
     *
     * <p>Another relay's open transaction on the same partition holds back what read_committed readers see
     * (the last stable offset), and our last position may lie behind it. So the read first waits until the
     * stable offset reaches the high-water mark seen at the start, then searches backwards from there in
     * growing windows.
     *
     * @param maxWait how long another relay's transaction may take to end (its transaction timeout)
     */
    Optional<long[]> last(int batchLimit, Duration maxWait) throws Exception {
        try (Admin admin = Admin.create(settings(AdminClientConfig.configNames()));
                KafkaConsumer<String, String> consumer = consumer()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            TopicPartition tp = new TopicPartition(topic, partition(partitions));
            long end = offset(admin, tp, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
            long deadline = System.nanoTime() + maxWait.toNanos() + Duration.ofSeconds(5).toNanos();
            while (offset(admin, tp, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("an open transaction on " + tp + " did not end within " + maxWait);
                }
                Thread.sleep(20);
            }
            deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long begin = offset(admin, tp, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
            consumer.assign(List.of(tp));
            long window = FIRST_WINDOW;
            long from = end;
            while (from > begin) {
                long to = from;
                from = Math.max(begin, end - window);
                consumer.seek(tp, from);
                ConsumerRecord<String, String> found = null;
                while (consumer.position(tp) < to) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("cannot read " + tp + " up to offset " + to);
                    }
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.offset() < to && relayId.equals(r.key()) && r.value() != null) {
                            found = r;
                        }
                    }
                }
                if (found != null) {
                    JsonNode value = JSON.readTree(found.value());
                    return Optional.of(SeqRanges.decode(value.path("seqs").asText(""), batchLimit));
                }
                window *= 16;
            }
            return Optional.empty();
        }
    }

    private static long offset(Admin admin, TopicPartition tp, OffsetSpec spec, IsolationLevel isolation) throws Exception {
        return admin.listOffsets(Map.of(tp, spec), new ListOffsetsOptions(isolation)).partitionResult(tp)
                .get(30, TimeUnit.SECONDS).offset();
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> props = settings(ConsumerConfig.configNames());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "outbox-position-" + relayId);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private Map<String, Object> settings(java.util.Set<String> known) {
        return KafkaClients.settings(clientConfig, known);
    }
}
