package io.contactcenter.messaging.stream;

import io.contactcenter.messaging.config.MessagingConfig;
import io.contactcenter.messaging.conversation.ConversationRepository;
import io.contactcenter.messaging.conversation.ConversationRow;
import io.contactcenter.messaging.conversation.ConversationService;
import io.contactcenter.messaging.conversation.StatusView;
import io.contactcenter.messaging.edge.Peers;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Two timers: idle conversations are closed (every replica sweeps; {@code SKIP LOCKED} gives each row to one), and
 * the waiting customers connected to this replica hear their position and expected wait as routing now sees them.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final ConversationService conversations;
    private final ConversationRepository repo;
    private final Hub hub;
    private final Peers peers;
    private final Pool pool;
    private final MessagingConfig config;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final AtomicBoolean refreshing = new AtomicBoolean();

    public Housekeeping(ConversationService conversations, ConversationRepository repo, Hub hub, Peers peers,
            Pool pool, MessagingConfig config) {
        this.conversations = conversations;
        this.repo = repo;
        this.hub = hub;
        this.peers = peers;
        this.pool = pool;
        this.config = config;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        vertx.setPeriodic(config.sweepInterval().toMillis(), id -> once(sweeping, sweep()));
        vertx.setPeriodic(config.statusInterval().toMillis(), id -> once(refreshing, refresh()));
    }

    private static void once(AtomicBoolean running, Uni<?> work) {
        if (running.compareAndSet(false, true)) {
            work.subscribe().with(ok -> running.set(false), e -> {
                running.set(false);
                LOG.warnf("messaging housekeeping pass failed, next pass retries: %s", e.toString());
            });
        }
    }

    Uni<Void> sweep() {
        return conversations.sweepIdle(200).onItem().transformToMulti(l -> Multi.createFrom().iterable(l))
                .onItem().transformToUniAndMerge(contactId -> conversations.completeInRouting(contactId)
                        .onFailure().invoke(e -> LOG.warnf("routing did not complete idle chat contact %s yet: %s",
                                contactId, e.toString()))
                        .onFailure().recoverWithNull())
                .collect().asList().replaceWithVoid();
    }

    /**
     * Messages a lost notice left out of this replica's customer streams: anything older than a second past what the
     * streams got (newer ones may still be on their way).
     */
    private Uni<Void> catchUp(ConversationRow c) {
        long sent = hub.lastSent(c.id());
        if (sent == 0 || c.lastSeq() <= sent || c.lastActivityAt().isAfter(java.time.Instant.now().minusSeconds(1))) {
            return Uni.createFrom().voidItem();
        }
        return repo.messages(pool, c.id(), sent, 500).invoke(missed -> missed.forEach(m -> hub.publishMessage(
                io.contactcenter.messaging.conversation.MessageView.of(m)))).replaceWithVoid();
    }

    Uni<Void> refresh() {
        return Multi.createFrom().iterable(hub.watchedConversations())
                .onItem().transformToUniAndMerge(id -> repo.find(pool, id)
                        .call(c -> c == null ? Uni.createFrom().voidItem() : catchUp(c))
                        .chain(c -> c == null || c.status() != ConversationRow.Status.QUEUED ? Uni.createFrom().voidItem()
                                : peers.waiting(c.contactId()).invoke(w -> {
                                    if ("QUEUED".equals(w.state())) {
                                        hub.publishStatus(new StatusView(c.id(), c.status().name(), w.position(),
                                                w.estimatedWaitSeconds(), null, null));
                                    }
                                }).replaceWithVoid()))
                .collect().asList().replaceWithVoid();
    }
}
