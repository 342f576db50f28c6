package io.contactcenter.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An agent desktop: it logs in, holds its Server-Sent Events offer stream (reconnecting when it drops), and works
 * offers one at a time: accept (now and then reject one, or let it ring out and come back), handle for a time
 * drawn from the plan, complete. A returned call is dialled the way the edge dials it: once callback-service says
 * DIALING, the outcome is reported.
 */
final class AgentDesk {

    private final Traffic traffic;
    private final String agentId;
    private final String auth;
    private final Random random;
    private final BlockingQueue<JsonNode> offers = new LinkedBlockingQueue<>();
    /** A reconnected stream sends the pending offers again: each offer is worked once. */
    private final Set<String> seenOffers = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;
    private volatile boolean running = true;
    private Thread reader;
    private Thread worker;

    AgentDesk(Traffic traffic, String agentId, long seed) {
        this.traffic = traffic;
        this.agentId = agentId;
        this.auth = traffic.api().token("agent", agentId);
        this.random = new Random(seed);
    }

    void start() {
        reader = Traffic.daemon("desk-sse-" + agentId, this::readOffers);
        worker = Traffic.daemon("desk-" + agentId, this::work);
        traffic.api().call("routing", "POST", "/routing/agents/" + agentId + "/state", auth, Map.of("state", "AVAILABLE"));
    }

    /** No new offers are taken; work in hand is finished. */
    void stopAccepting() {
        accepting = false;
    }

    /** Logs out once the contact in hand is done. */
    void close() throws InterruptedException {
        accepting = false;
        running = false;
        worker.join(TimeUnit.MINUTES.toMillis(2));
        traffic.api().send("routing", "POST", "/routing/agents/" + agentId + "/state", auth, Map.of("state", "LOGGED_OUT"));
        reader.interrupt();
    }

    private void readOffers() {
        while (running) {
            HttpRequest request = HttpRequest.newBuilder(traffic.api().base("routing").resolve("/routing/agents/" + agentId + "/offers"))
                    .header("Authorization", auth).header("Accept", "text/event-stream").GET().build();
            try {
                HttpResponse<Stream<String>> r = traffic.api().http().send(request, HttpResponse.BodyHandlers.ofLines());
                if (r.statusCode() != 200) {
                    traffic.error("offer stream of " + agentId + " answered " + r.statusCode());
                    Thread.sleep(1000);
                    continue;
                }
                try (Stream<String> lines = r.body()) {
                    lines.takeWhile(l -> running).filter(l -> l.startsWith("data:")).forEach(l -> {
                        try {
                            JsonNode offer = Api.JSON.readTree(l.substring(5).trim());
                            if (seenOffers.add(offer.path("offerId").asText())) {
                                offers.add(offer);
                            }
                        } catch (Exception e) {
                            traffic.error("unreadable offer for " + agentId + ": " + l);
                        }
                    });
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception dropped) {
                if (running) {
                    traffic.note("offer stream of " + agentId + " dropped; reconnecting");
                    Traffic.sleep(500);
                }
            }
        }
    }

    private void work() {
        while (running || !offers.isEmpty()) {
            JsonNode offer;
            try {
                offer = offers.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (offer == null || !accepting) {
                continue;
            }
            try {
                handle(offer);
            } catch (RuntimeException e) {
                traffic.error(agentId + ": " + e.getMessage());
            }
        }
    }

    private void handle(JsonNode offer) {
        String offerId = offer.path("offerId").asText();
        String contactId = offer.path("contactId").asText();
        boolean returned = "CALLBACK".equals(offer.path("channel").asText());
        Traffic.Plan plan = traffic.plan();
        double dice = random.nextDouble();
        if (dice < plan.ringOutShare()) {
            // away from the desk: routing takes the offer back when it expires; then the agent is back
            traffic.counters().ringOuts.incrementAndGet();
            Instant expires = Instant.parse(offer.path("expiresAt").asText());
            Traffic.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 500);
            traffic.api().send("routing", "POST", "/routing/agents/" + agentId + "/state", auth, Map.of("state", "AVAILABLE"));
            return;
        }
        if (dice < plan.ringOutShare() + plan.rejectShare()) {
            traffic.counters().rejects.incrementAndGet();
            traffic.api().send("routing", "POST", "/routing/offers/" + offerId + "/reject", auth, null);
            return;
        }
        double acceptSent = traffic.now();
        Api.Reply accepted = traffic.api().sendOrLost("routing", "POST", "/routing/offers/" + offerId + "/accept", auth, null);
        double acceptedAt = traffic.now();
        if (!accepted.ok() && !connectedToMe(contactId)) {
            traffic.counters().lateAccepts.incrementAndGet(); // the caller hung up or the offer expired meanwhile
            return;
        }
        traffic.acceptRoundTrip(acceptedAt - acceptSent);
        traffic.counters().answered.incrementAndGet();
        Call call = traffic.call(contactId);
        call.answer(acceptedAt, offer.path("queueId").asText());
        if (returned) {
            call.markReturned();
            traffic.counters().returnedCalls.incrementAndGet();
            dialOut(contactId);
        }
        Traffic.sleep((long) (plan.handleTime(random) * 1000));
        double completeSent = traffic.now();
        complete(contactId);
        double completedAt = traffic.now();
        traffic.busy(offer.path("queueId").asText(), completedAt - acceptSent);
        traffic.completeRoundTrip(completedAt - completeSent);
        traffic.counters().completed.incrementAndGet();
        call.completed.complete(null);
    }

    /**
     * Whether routing has the contact connected to this agent: an accept whose answer was lost (the replica that took
     * it was killed, say) may have gone through, and a desk that guessed wrong would leave the caller connected forever.
     */
    private boolean connectedToMe(String contactId) {
        Api.Reply r = traffic.api().send("routing", "GET", "/routing/contacts/" + contactId, auth, null);
        return r.ok() && "CONNECTED".equals(r.body().path("state").asText()) && agentId.equals(r.body().path("agentId").asText());
    }

    /** Completes the contact; when the answer is lost, asks routing whether it went through and tries again if not. */
    private void complete(String contactId) {
        for (int attempt = 0; ; attempt++) {
            Api.Reply r = traffic.api().sendOrLost("routing", "POST", "/routing/contacts/" + contactId + "/complete", auth, Map.of());
            if (r.ok() || !connectedToMe(contactId)) {
                return;
            }
            if (attempt >= 3) {
                throw new Api.ApiException("completing " + contactId + " answered " + r.status() + ": " + r.body(), null);
            }
            Traffic.sleep(1000);
        }
    }

    /** The edge's part of a returned call: wait for callback-service to ask for the dial-out, then report it answered. */
    private void dialOut(String contactId) {
        String callbackId = contactId.substring(0, contactId.lastIndexOf('-'));
        String service = traffic.api().token("telephony", "simulator-edge");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15) + traffic.api().patience().toNanos();
        while (System.nanoTime() < deadline) {
            Api.Reply r = traffic.api().send("callback", "GET", "/callbacks/" + callbackId, service, null);
            if (r.ok() && "DIALING".equals(r.body().path("status").asText())) {
                traffic.api().call("callback", "POST", "/callbacks/" + callbackId + "/outcome", service,
                        Map.of("outcome", "ANSWERED"));
                traffic.counters().callbacksAnswered.incrementAndGet();
                return;
            }
            Traffic.sleep(100);
        }
        traffic.error("callback " + callbackId + " never asked to be dialled");
    }
}
