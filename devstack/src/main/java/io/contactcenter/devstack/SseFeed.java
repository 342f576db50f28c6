package io.contactcenter.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events client, as an agent desktop or wallboard holds one: each {@code data:} line as JSON. */
public final class SseFeed implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final BlockingQueue<JsonNode> items = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final HttpClient client = HttpClient.newHttpClient();

    private SseFeed(URI uri, String authorization, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        HttpRequest request = builder.GET().build();
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(line -> {
            if (line.startsWith("data:")) {
                try {
                    items.add(MAPPER.readTree(line.substring(5).trim()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }));
    }

    /** Opens {@code uri} with the given Authorization header value and waits for the 200. */
    public static SseFeed open(URI uri, String authorization) {
        return open(uri, authorization, Map.of());
    }

    /** As {@link #open(URI, String)} with more request headers; no Authorization header when it is null. */
    public static SseFeed open(URI uri, String authorization, Map<String, String> headers) {
        SseFeed feed = new SseFeed(uri, authorization, headers);
        try {
            int status = feed.response.get(10, TimeUnit.SECONDS).statusCode();
            if (status != 200) {
                throw new IllegalStateException(uri + " answered " + status);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return feed;
    }

    /** Agent {@code agentId}'s offer stream on the routing service at {@code base}. */
    public static SseFeed offers(URI base, String agentId) {
        return open(base.resolve("/routing/agents/" + agentId + "/offers"), Tokens.agent(agentId));
    }

    /** The next item, or an assertion failure after {@code timeout}. */
    public JsonNode next(Duration timeout) {
        try {
            JsonNode offer = items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (offer == null) {
                throw new AssertionError("nothing within " + timeout);
            }
            return offer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Null when nothing arrives within {@code wait}. */
    public JsonNode poll(Duration wait) throws InterruptedException {
        return items.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
