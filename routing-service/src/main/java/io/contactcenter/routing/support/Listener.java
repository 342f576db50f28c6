package io.contactcenter.routing.support;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One LISTEN connection per replica for the {@link Signals} channels; reconnects forever, and on each
 * (re)connect tells listeners so they can catch up on anything missed while disconnected.
 */
@ApplicationScoped
public class Listener {

    private static final Logger LOG = Logger.getLogger(Listener.class);

    private final String url;
    private final String user;
    private final String password;
    private final List<BiConsumer<String, String>> handlers = new CopyOnWriteArrayList<>();
    private PgSubscriber subscriber;

    public Listener(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** {@code handler(channel, payload)}; a null channel means "reconnected: re-check everything". */
    public void onNotification(BiConsumer<String, String> handler) {
        handlers.add(handler);
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 500L);
        for (String channel : List.of(Signals.WAKE, Signals.OFFER)) {
            subscriber.channel(channel).handler(payload -> handlers.forEach(h -> h.accept(channel, payload)));
        }
        subscriber.connect().subscribe().with(
                ok -> LOG.debug("listening for routing notifications"),
                e -> LOG.warnf("routing notifications unavailable, timers still route: %s", e.toString()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
