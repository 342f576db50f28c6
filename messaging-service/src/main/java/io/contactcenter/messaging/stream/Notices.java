package io.contactcenter.messaging.stream;

import io.contactcenter.events.Ids;
import io.contactcenter.messaging.conversation.ConversationRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What the streams hear of a change, once it committed. A NOTIFY inside each writing transaction would serialise every
 * commit on PostgreSQL's notification queue lock (commit and its WAL flush one after another: the messaging benchmark
 * queued at 500 messages/s). So a transaction's notices wait here; when it committed they go to this replica's streams at
 * once, and to the other replicas in batches (one {@code pg_notify} statement outside any transaction, several notices
 * at a time). A notice lost to a crash between commit and broadcast is caught up by the streams' periodic check
 * (Housekeeping) and on every reconnect.
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class);
    private static final int BATCH = 200;

    /** Tells this replica's notices from the others' on the shared channel. */
    final String replica = Ids.newId();
    private final Pool pool;
    private final Hub hub;
    private final Map<Object, List<String>> pending = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Queue<String> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    public Notices(Pool pool, Hub hub) {
        this.pool = pool;
        this.hub = hub;
    }

    /** A notice for when {@code tx} commits. */
    public Uni<Void> add(SqlClient tx, String payload) {
        pending.computeIfAbsent(tx, k -> Collections.synchronizedList(new ArrayList<>())).add(payload);
        return Uni.createFrom().voidItem();
    }

    /** A transaction whose notices go out once it committed, and are dropped if it rolled back. */
    public <T> Uni<T> transaction(Function<SqlConnection, Uni<T>> work) {
        Object[] used = new Object[1];
        return pool.withTransaction(tx -> {
                    used[0] = tx;
                    return work.apply(tx);
                })
                .invoke(() -> committed(java.util.Arrays.asList(used)))
                .onFailure().invoke(() -> discard(java.util.Arrays.asList(used)));
    }

    /** The notices of transactions that committed (another component ran them, e.g. the inbox). */
    public void committed(Collection<?> transactions) {
        for (Object tx : transactions) {
            List<String> notices = tx == null ? null : pending.remove(tx);
            if (notices != null) {
                notices.forEach(this::broadcast);
            }
        }
    }

    public void discard(Collection<?> transactions) {
        transactions.forEach(tx -> {
            if (tx != null) {
                pending.remove(tx);
            }
        });
    }

    /** A notice about nothing stored (someone typing): out at once. */
    public void broadcast(String payload) {
        hub.onNotification(payload);
        outgoing.add(replica + " " + payload);
        send();
    }

    private void send() {
        if (outgoing.isEmpty() || !sending.compareAndSet(false, true)) {
            return;
        }
        List<String> batch = new ArrayList<>();
        for (String n = outgoing.poll(); n != null; n = batch.size() < BATCH ? outgoing.poll() : null) {
            batch.add(n);
        }
        pool.preparedQuery("select pg_notify($1, n) from unnest($2::text[]) as n")
                .execute(Tuple.of(ConversationRepository.NOTIFY_CHANNEL, batch.toArray(String[]::new)))
                .subscribe().with(ok -> {
                    sending.set(false);
                    send();
                }, e -> {
                    sending.set(false);
                    LOG.warnf("%d notices not broadcast to the other replicas (their streams catch up): %s", batch.size(),
                            e.toString());
                    send();
                });
    }
}
