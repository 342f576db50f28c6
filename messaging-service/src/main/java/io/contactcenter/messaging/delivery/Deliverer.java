package io.contactcenter.messaging.delivery;

import static io.contactcenter.events.sql.Sql.instant;
import static io.contactcenter.events.sql.Sql.utc;

import io.contactcenter.events.Channel;
import io.contactcenter.messaging.config.MessagingConfig;
import io.contactcenter.messaging.conversation.ConversationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends the replies that leave by SMS or e-mail. Each pass claims due messages ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas share the work) and leases them by moving their next attempt on before sending: a crash mid-send means the
 * message is sent again when the lease runs out, never lost. An opted-out recipient gets nothing (BLOCKED); a message
 * the customer is not waiting for waits for the sending hours; a refused one fails at once, a failing provider is
 * retried with backoff up to {@link #MAX_ATTEMPTS}. Every outcome is visible to the agent in the conversation.
 */
@ApplicationScoped
public class Deliverer {

    private static final Logger LOG = Logger.getLogger(Deliverer.class);
    static final int MAX_ATTEMPTS = 6;
    private static final String DUE = "select d.message_id, d.conversation_id, d.channel, d.recipient, d.attempts, m.body,"
            + " m.seq, c.agent_id, (select max(i.created_at) from msg_message i where i.conversation_id = d.conversation_id"
            + " and i.direction = 'IN') as last_in, exists (select 1 from msg_opt_out o where o.channel = d.channel"
            + " and o.address = d.recipient and o.opted_out) as opted_out"
            + " from msg_delivery d join msg_message m on m.id = d.message_id join msg_conversation c on c.id = d.conversation_id"
            + " where d.status = 'PENDING' and d.next_attempt_at <= $1 order by d.next_attempt_at limit $2"
            + " for update of d skip locked";

    private final Pool pool;
    private final io.contactcenter.messaging.stream.Notices notices;
    private final ConversationService conversations;
    private final MessagingConfig config;
    private final Clock clock;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final AtomicBoolean running = new AtomicBoolean();
    private final MeterRegistry registry;

    public Deliverer(Pool pool, ConversationService conversations, MessagingConfig config, Clock clock,
            Instance<ChannelSender> senders, MeterRegistry registry, io.contactcenter.messaging.stream.Notices notices) {
        this.pool = pool;
        this.notices = notices;
        this.conversations = conversations;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        senders.forEach(s -> this.senders.put(s.channel(), s));
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        vertx.setPeriodic(Math.max(20, config.deliveryInterval().toMillis()), id -> {
            if (running.compareAndSet(false, true)) {
                pass().subscribe().with(n -> running.set(false), e -> {
                    running.set(false);
                    LOG.warnf("delivery pass failed, the next one retries: %s", e.toString());
                });
            }
        });
    }

    /** One pass: decide and claim in one transaction, send after it committed. */
    public Uni<Integer> pass() {
        Instant now = clock.instant();
        return notices.transaction(tx -> tx.preparedQuery(DUE).execute(Tuple.of(utc(now), 50)).chain(rows -> {
            List<Job> jobs = new ArrayList<>();
            rows.forEach(r -> jobs.add(new Job(r.getString("message_id"), r.getString("conversation_id"),
                    Channel.valueOf(r.getString("channel")), r.getString("recipient"), r.getInteger("attempts"),
                    r.getString("body"), r.getLong("seq"), r.getString("agent_id"), instant(r, "last_in"),
                    r.getBoolean("opted_out"))));
            List<Job> claimed = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Job job : jobs) {
                chain = chain.chain(() -> decide(tx, job, now, claimed));
            }
            return chain.replaceWith(claimed);
        })).chain(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndMerge(this::send)
                .collect().asList().map(List::size));
    }

    private Uni<Void> decide(SqlClient tx, Job job, Instant now, List<Job> claimed) {
        ChannelSender sender = senders.get(job.channel());
        if (job.optedOut()) {
            return finish(tx, job, "BLOCKED", "the customer opted out", now)
                    .chain(() -> conversations.systemNote(tx, job.conversationId(),
                            "Not sent: the customer opted out of " + job.channel() + "."));
        }
        if (sender == null || !sender.enabled()) {
            return reschedule(tx, job, now.plus(Duration.ofMinutes(1)), job.channel() + " is not configured here");
        }
        boolean answer = job.lastInbound() != null && job.lastInbound().isAfter(now.minus(config.sms().replyWindow()));
        Instant allowed = answer ? now : sender.allowedFrom(job, now);
        if (allowed.isAfter(now)) {
            return reschedule(tx, job, allowed, "waits for the sending hours");
        }
        claimed.add(job);
        // the lease: if this replica dies mid-send, the message is sent again after it
        Duration lease = Duration.ofSeconds(Math.min(600, 15L << Math.min(job.attempts(), 5)));
        return tx.preparedQuery("update msg_delivery set attempts = attempts + 1, next_attempt_at = $2, updated_at = $3"
                + " where message_id = $1").execute(Tuple.of(job.messageId(), utc(now.plus(lease)), utc(now))).replaceWithVoid();
    }

    private Uni<Integer> send(Job job) {
        ChannelSender sender = senders.get(job.channel());
        return sender.send(job)
                .chain(ids -> notices.transaction(tx -> recordParts(tx, job, ids)
                        .chain(() -> finish(tx, job, "SENT", null, clock.instant()))))
                .invoke(() -> registry.counter("cc.messaging.delivered", "channel", job.channel().name()).increment())
                .onFailure().recoverWithUni(e -> {
                    boolean refused = e instanceof Refused;
                    LOG.warnf("%s message %s not sent (attempt %d): %s", job.channel(), job.messageId(), job.attempts() + 1,
                            e.toString());
                    if (!refused && job.attempts() + 1 < MAX_ATTEMPTS) {
                        return notices.transaction(tx -> tx.preparedQuery("update msg_delivery set error = $2 where message_id = $1")
                                .execute(Tuple.of(job.messageId(), truncate(e.toString()))).replaceWithVoid());
                    }
                    return notices.transaction(tx -> finish(tx, job, "FAILED", e.getMessage(), clock.instant())
                            .chain(() -> conversations.systemNote(tx, job.conversationId(),
                                    "Not delivered by " + job.channel() + ": " + e.getMessage())));
                })
                .replaceWith(1);
    }

    private Uni<Void> recordParts(SqlClient tx, Job job, List<String> providerIds) {
        if (providerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> parts = new ArrayList<>();
        for (int i = 0; i < providerIds.size(); i++) {
            parts.add(Tuple.of(providerIds.get(i), job.messageId(), i + 1, utc(clock.instant())));
        }
        return tx.preparedQuery("insert into msg_delivery_part (provider_id, message_id, part, status, updated_at)"
                + " values ($1, $2, $3, 'SENT', $4) on conflict (provider_id) do nothing").executeBatch(parts).replaceWithVoid();
    }

    private Uni<Void> finish(SqlClient tx, Job job, String status, String error, Instant now) {
        return tx.preparedQuery("update msg_delivery set status = $2, error = $3, updated_at = $4 where message_id = $1")
                .execute(Tuple.of(job.messageId(), status, truncate(error), utc(now)))
                .chain(() -> conversations.messageChanged(tx, job.conversationId(), job.agentId(), job.seq()));
    }

    private static Uni<Void> reschedule(SqlClient tx, Job job, Instant at, String why) {
        return tx.preparedQuery("update msg_delivery set next_attempt_at = $2, error = $3 where message_id = $1")
                .execute(Tuple.of(job.messageId(), utc(at), why)).replaceWithVoid();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
