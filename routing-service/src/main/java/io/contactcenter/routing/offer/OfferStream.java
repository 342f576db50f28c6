package io.contactcenter.routing.offer;

import io.contactcenter.routing.support.Listener;
import io.contactcenter.routing.support.Signals;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pushes offers to the agents connected to this replica. Offers are made by whichever replica runs the
 * routing pass; the NOTIFY it commits with them reaches every replica, and the one holding the agent's
 * stream loads the offer and sends it. A new stream also gets the agent's pending offers; an offer made
 * while it connects may come twice, so desktops key offers by {@code offerId}.
 */
@ApplicationScoped
public class OfferStream {

    private final OfferService offers;
    private final Dispatcher dispatcher;
    private final Listener listener;
    private final Map<String, Subscribers> byAgent = new ConcurrentHashMap<>();

    private static final class Subscribers {
        final BroadcastProcessor<OfferView> processor = BroadcastProcessor.create();
        final AtomicInteger count = new AtomicInteger();
    }

    public OfferStream(OfferService offers, Dispatcher dispatcher, Listener listener) {
        this.offers = offers;
        this.dispatcher = dispatcher;
        this.listener = listener;
    }

    void start(@Observes StartupEvent startup) {
        listener.onNotification((channel, payload) -> {
            if (Signals.WAKE.equals(channel) || channel == null) {
                dispatcher.wake();
            } else if (Signals.OFFER.equals(channel)) {
                int space = payload.indexOf(' ');
                if (space > 0) {
                    deliver(payload.substring(0, space), payload.substring(space + 1));
                }
            }
        });
    }

    public Multi<OfferView> stream(String agentId) {
        Subscribers subs = byAgent.computeIfAbsent(agentId, id -> new Subscribers());
        Multi<OfferView> live = subs.processor;
        return Multi.createBy().merging().streams(
                        offers.pending(agentId).onItem().transformToMulti(list -> Multi.createFrom().iterable(list)),
                        live)
                .onSubscription().invoke(() -> subs.count.incrementAndGet())
                .onTermination().invoke(() -> subs.count.decrementAndGet());
    }

    private void deliver(String agentId, String offerId) {
        Subscribers subs = byAgent.get(agentId);
        if (subs == null || subs.count.get() == 0) {
            return;
        }
        offers.find(offerId).subscribe().with(view -> {
            if (view != null) {
                subs.processor.onNext(view);
            }
        }, e -> { });
    }
}
