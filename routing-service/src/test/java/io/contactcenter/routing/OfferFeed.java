package io.contactcenter.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.devstack.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An agent desktop's Server-Sent Events connection to {@code /routing/agents/{id}/offers}. */
public final class OfferFeed implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final BlockingQueue<JsonNode> offers = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final HttpClient client = HttpClient.newHttpClient();

    private OfferFeed(URI uri, String agentId) {
        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/routing/agents/" + agentId + "/offers"))
                .header("Authorization", Tokens.agent(agentId)).header("Accept", "text/event-stream").GET().build();
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(line -> {
            if (line.startsWith("data:")) {
                try {
                    offers.add(MAPPER.readTree(line.substring(5).trim()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }));
    }

    public static OfferFeed open(URI base, String agentId) {
        OfferFeed feed = new OfferFeed(base, agentId);
        try {
            int status = feed.response.get(10, TimeUnit.SECONDS).statusCode();
            if (status != 200) {
                throw new IllegalStateException("offer stream answered " + status);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return feed;
    }

    /** The next offer, or an assertion failure after {@code timeout}. */
    public JsonNode next(Duration timeout) {
        try {
            JsonNode offer = offers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (offer == null) {
                throw new AssertionError("no offer within " + timeout);
            }
            return offer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Null when nothing arrives within {@code wait}. */
    public JsonNode poll(Duration wait) throws InterruptedException {
        return offers.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
