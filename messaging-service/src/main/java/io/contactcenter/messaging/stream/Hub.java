package io.contactcenter.messaging.stream;

import io.contactcenter.messaging.conversation.ConversationRepository;
import io.contactcenter.messaging.conversation.ConversationView;
import io.contactcenter.messaging.conversation.MessageView;
import io.contactcenter.messaging.conversation.StatusView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers what happens in conversations to the customers' and agents' streams connected to this replica, whichever
 * replica made the change: each change commits with a NOTIFY on {@link ConversationRepository#NOTIFY_CHANNEL}, every
 * replica LISTENs, and the one holding a stream loads what changed and sends it. Payloads are
 * {@code M <conversation> <agent|-> <message JSON>} (a new message, when it fits the payload),
 * {@code m <conversation> <agent|-> <seq>} (a message to load), {@code s <conversation> <agent|->} (status) and
 * {@code t <conversation> <agent|-> <customer|agent> <1|0>} (typing). A stream that (re)connects catches up from the
 * database, so a NOTIFY missed while disconnected loses nothing; clients order and de-duplicate by {@code seq}.
 */
@ApplicationScoped
public class Hub {

    private static final Logger LOG = Logger.getLogger(Hub.class);

    private static final class Subscribers {
        final BroadcastProcessor<StreamEvent> processor = BroadcastProcessor.create();
        final AtomicInteger count = new AtomicInteger();
        /** The newest message seq sent to these streams: the periodic check sends what a lost notice left out. */
        final java.util.concurrent.atomic.AtomicLong lastSeq = new java.util.concurrent.atomic.AtomicLong();
    }

    /** The newest message seq sent to the conversation's customer streams here (0: none, or nobody listening). */
    public long lastSent(String conversationId) {
        Subscribers s = byConversation.get(conversationId);
        return s == null ? 0 : s.lastSeq.get();
    }

    /** Records that the conversation's customer streams here have messages up to {@code seq} (their catch-up). */
    public void sentUpTo(String conversationId, long seq) {
        Subscribers s = byConversation.get(conversationId);
        if (s != null) {
            s.lastSeq.accumulateAndGet(seq, Math::max);
        }
    }

    /** Sends a message that a lost notice left out to the conversation's customer streams here. */
    public void publishMessage(MessageView m) {
        emit(byConversation.get(m.conversationId()), StreamEvent.message(m));
    }

    private final Pool pool;
    private final ConversationRepository repo;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Notices notices;
    private final String url;
    private final String user;
    private final String password;
    private final Map<String, Subscribers> byConversation = new ConcurrentHashMap<>();
    private final Map<String, Subscribers> byAgent = new ConcurrentHashMap<>();
    private PgSubscriber subscriber;

    public Hub(Pool pool, ConversationRepository repo, com.fasterxml.jackson.databind.ObjectMapper json, Notices notices,
            MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.pool = pool;
        this.repo = repo;
        this.json = json;
        this.notices = notices;
        this.url = url;
        this.user = user;
        this.password = password;
        registry.gauge("cc.messaging.streams", byConversation, m -> m.values().stream().mapToInt(s -> s.count.get()).sum()
                + byAgent.values().stream().mapToInt(s -> s.count.get()).sum());
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 500L);
        subscriber.channel(ConversationRepository.NOTIFY_CHANNEL).handler(this::onChannel);
        subscriber.connect().subscribe().with(ok -> LOG.debug("listening for conversation changes"),
                e -> LOG.warnf("conversation notifications unavailable, streams only catch up on reconnect: %s", e));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** Live events of one conversation (the customer's stream). */
    public Multi<StreamEvent> conversation(String conversationId) {
        return live(byConversation, conversationId);
    }

    /** Live events of every conversation assigned to the agent. */
    public Multi<StreamEvent> agent(String agentId) {
        return live(byAgent, agentId);
    }

    /** Conversations with a customer stream on this replica (the status refresher asks routing about these). */
    public Set<String> watchedConversations() {
        return byConversation.entrySet().stream().filter(e -> e.getValue().count.get() > 0).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Sends a status to the conversation's customer streams on this replica. */
    public void publishStatus(StatusView status) {
        emit(byConversation.get(status.conversationId()), StreamEvent.status(status));
    }

    private Multi<StreamEvent> live(Map<String, Subscribers> map, String key) {
        Subscribers subs = map.computeIfAbsent(key, k -> new Subscribers());
        return subs.processor
                .onSubscription().invoke(() -> subs.count.incrementAndGet())
                .onTermination().invoke(() -> {
                    if (subs.count.decrementAndGet() == 0) {
                        map.remove(key, subs);
                    }
                });
    }

    /** A notice from the shared channel: "<replica> <notice>"; this replica's own were delivered when they committed. */
    void onChannel(String raw) {
        int space = raw.indexOf(' ');
        if (space > 0 && !raw.substring(0, space).equals(notices.replica)) {
            onNotification(raw.substring(space + 1));
        }
    }

    void onNotification(String payload) {
        String[] p = payload.split(" ", payload.startsWith("M ") ? 4 : -1);
        if (p.length < 3) {
            return;
        }
        String conversationId = p[1];
        String agentId = "-".equals(p[2]) ? null : p[2];
        Subscribers customer = byConversation.get(conversationId);
        Subscribers agent = agentId == null ? null : byAgent.get(agentId);
        if (!active(customer) && !active(agent)) {
            return;
        }
        switch (p[0]) {
            case "M" -> {
                try {
                    StreamEvent e = StreamEvent.message(json.readValue(p[3], MessageView.class));
                    emit(customer, e);
                    emit(agent, e);
                } catch (java.io.IOException e) {
                    LOG.warnf("unreadable message notification: %s", e.toString());
                }
            }
            case "m" -> repo.message(pool, conversationId, Long.parseLong(p[3])).subscribe().with(m -> {
                if (m != null) {
                    StreamEvent e = StreamEvent.message(MessageView.of(m));
                    emit(customer, e);
                    emit(agent, e);
                }
            }, this::failed);
            case "s" -> repo.find(pool, conversationId).subscribe().with(c -> {
                if (c != null) {
                    emit(customer, StreamEvent.status(StatusView.of(c)));
                    emit(agent, StreamEvent.conversation(ConversationView.of(c, List.of())));
                }
            }, this::failed);
            case "t" -> {
                if (p.length >= 5) {
                    StreamEvent e = StreamEvent.typing(conversationId, p[3], "1".equals(p[4]));
                    // each side hears the other one typing, not itself
                    emit("agent".equals(p[3]) ? customer : agent, e);
                }
            }
            default -> LOG.debugf("unknown notification %s", payload);
        }
    }

    private static boolean active(Subscribers s) {
        return s != null && s.count.get() > 0;
    }

    private static void emit(Subscribers s, StreamEvent e) {
        if (active(s)) {
            if (e.message() != null) {
                s.lastSeq.accumulateAndGet(e.message().seq(), Math::max);
            }
            s.processor.onNext(e);
        }
    }

    private void failed(Throwable e) {
        LOG.warnf("could not load a conversation change for its streams: %s", e.toString());
    }
}
