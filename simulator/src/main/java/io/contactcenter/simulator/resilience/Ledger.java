package io.contactcenter.simulator.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.devstack.DevStack;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a run put on the wire, read back as the services read it (read_committed) from the offsets where the run
 * began: which contacts the run started, how each ended, whether an event or a terminal state appeared twice, and
 * whether a callback was dispatched twice. A run's contacts are those that arrived on its own IVR number, and the
 * returned calls of callbacks they asked for.
 */
public final class Ledger implements AutoCloseable {

    /** The topics whose events make up a contact's life. */
    static final List<String> TOPICS = List.of(Topics.CONTACTS, Topics.ROUTING_COMMANDS, Topics.CALLBACKS, Topics.IVR);

    /** How a contact ended, as the invariant names them; OTHER for anything this ledger does not know. */
    public enum End { COMPLETED, ABANDONED, VOICEMAIL, CALLBACK, CANCELLED, SELF_SERVED, TRANSFERRED_OUT, OTHER }

    /** The run's books at one moment. */
    public record Books(Set<String> started, Map<String, List<End>> ends, Set<String> callbacks, Set<String> openCallbacks,
            int callbacksDispatchedTwice, int duplicatesOnWire, Map<String, List<String>> lives) {

        public Map<End, Integer> byEnd() {
            Map<End, Integer> counts = new TreeMap<>();
            for (End e : End.values()) {
                counts.put(e, 0);
            }
            started.forEach(c -> {
                List<End> list = ends.get(c);
                if (list != null && !list.isEmpty()) {
                    counts.merge(list.get(0), 1, Integer::sum);
                }
            });
            return counts;
        }

        public Set<String> unended() {
            Set<String> out = new HashSet<>(started);
            out.removeIf(c -> ends.containsKey(c) && !ends.get(c).isEmpty());
            return out;
        }

        public int endedTwice() {
            return (int) started.stream().filter(c -> ends.containsKey(c) && ends.get(c).size() > 1).count();
        }

        boolean settled() {
            return unended().isEmpty() && openCallbacks.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final String ivrNumber;
    // Facts about every entity on the wire, kept whatever the order the topics are read in; membership in the run is
    // decided when the books are drawn up.
    private final Map<String, Integer> eventIds = new HashMap<>();
    private final Set<String> ivrContacts = new HashSet<>();
    private final Set<String> queued = new HashSet<>();
    private final Map<String, Map<String, End>> terminal = new HashMap<>();
    private final Map<String, End> ivrOutcome = new HashMap<>();
    private final Map<String, String> callbackParent = new HashMap<>();
    private final Set<String> closedCallbacks = new HashSet<>();
    private final Map<String, Set<String>> enqueues = new HashMap<>();
    private final Map<String, Map<Integer, Set<String>>> dialings = new HashMap<>();
    private final Map<String, String> returnedCallOf = new HashMap<>();
    private final Map<String, List<String>> lives = new HashMap<>();

    /** Reads from {@code from} (the offsets where the run began) on; the run's callers dial {@code ivrNumber}. */
    Ledger(Map<TopicPartition, Long> from, String ivrNumber) {
        this.ivrNumber = ivrNumber;
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.KAFKA_BOOTSTRAP);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = from.keySet().stream().filter(tp -> TOPICS.contains(tp.topic())).toList();
        consumer.assign(partitions);
        partitions.forEach(tp -> consumer.seek(tp, from.get(tp)));
    }

    /** Reads what is on the wire now (a broker restart may interrupt a poll: the next call goes on) and returns the books. */
    Books read() {
        Map<TopicPartition, Long> ends;
        try {
            ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
        } catch (RuntimeException brokerBusy) {
            return books();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                take(r.value());
            }
        }
        return books();
    }

    private Books books() {
        Set<String> callbacks = new HashSet<>();
        callbackParent.forEach((callback, parent) -> {
            if (ivrContacts.contains(parent)) {
                callbacks.add(callback);
            }
        });
        Set<String> started = new HashSet<>(ivrContacts);
        returnedCallOf.forEach((contact, callback) -> {
            if (callbacks.contains(callback)) {
                started.add(contact);
            }
        });
        Map<String, List<End>> ends = new HashMap<>();
        Map<String, List<String>> startedLives = new HashMap<>();
        for (String c : started) {
            List<End> list = new ArrayList<>(terminal.getOrDefault(c, Map.of()).values());
            if (list.isEmpty() && !queued.contains(c) && ivrOutcome.containsKey(c)) {
                list.add(ivrOutcome.get(c)); // it never reached a queue: the IVR's own outcome ends it
            }
            ends.put(c, list);
            startedLives.put(c, lives.getOrDefault(c, List.of()));
        }
        Set<String> open = new HashSet<>(callbacks);
        open.removeAll(closedCallbacks);
        int twice = 0;
        for (String cb : callbacks) {
            boolean enqueuedTwice = enqueues.getOrDefault(cb, Set.of()).size() > 1;
            boolean dialledTwice = dialings.getOrDefault(cb, Map.of()).values().stream().anyMatch(s -> s.size() > 1);
            if (enqueuedTwice || dialledTwice) {
                twice++;
            }
        }
        int duplicates = eventIds.values().stream().mapToInt(n -> n - 1).sum();
        return new Books(started, ends, callbacks, open, twice, duplicates, startedLives);
    }

    private void take(String value) {
        JsonNode e;
        try {
            e = JSON.readTree(value);
        } catch (Exception unreadable) {
            return; // not a CloudEvent (a fuzz test's record): not the run's
        }
        String id = e.path("id").asText();
        if (eventIds.merge(id, 1, Integer::sum) > 1) {
            return; // counted as a duplicate on the wire; its effects are not counted twice
        }
        String type = e.path("type").asText();
        if (!type.startsWith("io.contactcenter.")) {
            return;
        }
        String kind = type.substring("io.contactcenter.".length());
        JsonNode data = e.path("data");
        String contact = data.path("contactId").asText(null);
        if (contact != null) {
            lives.computeIfAbsent(contact, k -> new ArrayList<>()).add(kind);
        }
        switch (kind) {
            case "contact.arrived" -> {
                if (ivrNumber.equals(data.path("to").asText())) {
                    ivrContacts.add(contact);
                }
            }
            case "contact.queued" -> queued.add(contact);
            case "contact.completed" -> end(contact, id, End.COMPLETED);
            case "contact.abandoned" -> end(contact, id, End.ABANDONED);
            case "contact.voicemail" -> end(contact, id, End.VOICEMAIL);
            case "contact.cancelled" -> end(contact, id,
                    data.path("reason").asText().contains("callback") ? End.CALLBACK : End.CANCELLED);
            case "contact.overflowed" -> {
                switch (data.path("action").asText()) {
                    case "VOICEMAIL" -> end(contact, id, End.VOICEMAIL);
                    case "CALLBACK" -> end(contact, id, End.CALLBACK);
                    case "MESSAGE_HANGUP" -> end(contact, id, End.CANCELLED);
                    default -> { } // moved or widened: still waiting
                }
            }
            case "ivr.completed" -> {
                End end = switch (data.path("outcome").asText()) {
                    case "enqueued" -> null; // handed to routing, whose events end it
                    case "contained" -> End.SELF_SERVED;
                    case "transferred" -> End.TRANSFERRED_OUT;
                    case "voicemail" -> End.VOICEMAIL;
                    case "abandoned" -> End.ABANDONED;
                    case "callback" -> End.CALLBACK;
                    default -> End.OTHER;
                };
                if (contact != null && end != null) {
                    ivrOutcome.put(contact, end);
                }
            }
            case "callback.requested" -> callbackParent.put(data.path("callbackId").asText(),
                    data.path("parentContactId").asText());
            case "callback.completed", "callback.failed", "callback.cancelled" -> closedCallbacks.add(data.path("callbackId").asText());
            case "callback.dialing" -> dialings.computeIfAbsent(data.path("callbackId").asText(), k -> new HashMap<>())
                    .computeIfAbsent(data.path("attempt").asInt(), k -> new HashSet<>()).add(id);
            case "routing.enqueue" -> {
                String callback = data.path("attributes").path("callbackId").asText(null);
                if (callback != null) {
                    enqueues.computeIfAbsent(callback, k -> new HashSet<>()).add(id);
                    returnedCallOf.put(contact, callback);
                }
            }
            default -> { }
        }
    }

    private void end(String contact, String eventId, End end) {
        if (contact != null) {
            terminal.computeIfAbsent(contact, k -> new LinkedHashMap<>()).put(eventId, end);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
