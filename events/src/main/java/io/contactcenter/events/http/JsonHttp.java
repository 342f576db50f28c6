package io.contactcenter.events.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON over HTTP to the suite's peers and to customers' webhooks, non-blocking (the JDK client's async API). Every call
 * has its own timeout; retries, breakers and fallbacks belong to the callers' fault-tolerance annotations.
 */
@ApplicationScoped
public class JsonHttp {

    /** A peer that answered with something the caller cannot use. */
    public static final class Failed extends IOException {
        public final int status;

        public Failed(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final ObjectMapper mapper;

    public JsonHttp(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON body of a 200, empty for a 404, a {@link Failed} for anything else. */
    public Uni<Optional<JsonNode>> get(String url, String bearer, Duration timeout) {
        HttpRequest request = request(url, bearer, timeout).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .chain(r -> {
                    if (r.statusCode() == 404) {
                        return Uni.createFrom().item(Optional.<JsonNode>empty());
                    }
                    if (r.statusCode() != 200) {
                        return Uni.createFrom().failure(new Failed(url + " answered " + r.statusCode(), r.statusCode()));
                    }
                    try {
                        return Uni.createFrom().item(Optional.of(mapper.readTree(r.body())));
                    } catch (IOException e) {
                        return Uni.createFrom().failure(e);
                    }
                });
    }

    /** POSTs {@code body} as JSON; the status code of the answer. */
    public Uni<Integer> post(String url, Object body, String bearer, Duration timeout) {
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException(e));
        }
        return status(request(url, bearer, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * POSTs {@code body} as JSON and reads the answer's JSON: the body of a 2xx, a {@link Failed} carrying the status
     * and the peer's problem detail otherwise.
     */
    public Uni<JsonNode> exchange(String url, Object body, String bearer, Duration timeout) {
        HttpRequest request = request(url, bearer, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .chain(r -> {
                    if (r.statusCode() / 100 != 2) {
                        return Uni.createFrom().failure(new Failed(url + " answered " + r.statusCode() + ": " + r.body(), r.statusCode()));
                    }
                    try {
                        return Uni.createFrom().item(r.body().isEmpty() ? mapper.nullNode() : mapper.readTree(r.body()));
                    } catch (IOException e) {
                        return Uni.createFrom().failure(e);
                    }
                });
    }

    /** POSTs an already serialised JSON body with extra headers (name, value, ...); the status code of the answer. */
    public Uni<Integer> postJson(String url, String json, Duration timeout, String... headers) {
        HttpRequest.Builder request = request(url, null, timeout).header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return status(request.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** {@code body} as the JSON this client sends. */
    public String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Uni<Integer> delete(String url, String bearer, Duration timeout) {
        return status(request(url, bearer, timeout).DELETE().build());
    }

    /** Fails unless the status is 2xx or one of {@code alsoFine}. */
    public static Uni<Void> expect(Uni<Integer> status, String what, int... alsoFine) {
        return status.chain(code -> {
            if (code / 100 == 2) {
                return Uni.createFrom().voidItem();
            }
            for (int ok : alsoFine) {
                if (code == ok) {
                    return Uni.createFrom().voidItem();
                }
            }
            return Uni.createFrom().failure(new Failed(what + " answered " + code, code));
        });
    }

    private Uni<Integer> status(HttpRequest request) {
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(HttpResponse::statusCode);
    }

    private static HttpRequest.Builder request(String url, String bearer, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        return bearer == null || bearer.isBlank() ? b : b.header("Authorization", "Bearer " + bearer);
    }
}
