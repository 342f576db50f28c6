package io.contactcenter.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.contactcenter.devstack.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suite's public HTTP APIs as the simulator uses them: one base URL per service, bearer tokens minted with the
 * dev key the services trust (cached per subject, so the edge and each desk keep one token for the run).
 */
public final class Api {

    /** An answer: status and body (parsed when it is JSON). */
    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final Map<String, URI> bases;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Duration patience;

    public Api(Map<String, URI> bases) {
        this(bases, Duration.ZERO);
    }

    /**
     * @param patience how long a request that met a refused connection or a 5xx is sent again (with backoff), as a
     *     telephony edge retries its webhooks and a desktop its clicks while a service restarts; zero: never
     */
    public Api(Map<String, URI> bases, Duration patience) {
        this.bases = Map.copyOf(bases);
        this.patience = patience;
    }

    /** How long failed requests are retried ({@link #Api(Map, Duration)}). */
    public Duration patience() {
        return patience;
    }

    /** The services on the ports {@code ./contact-center up} uses. */
    public static Api local() {
        return new Api(Map.of("routing", URI.create("http://localhost:8081"), "ivr", URI.create("http://localhost:8082"),
                "callback", URI.create("http://localhost:8083"), "crm", URI.create("http://localhost:8084"),
                "reporting", URI.create("http://localhost:8085"), "messaging", URI.create("http://localhost:8088")));
    }

    public URI base(String service) {
        URI base = bases.get(service);
        if (base == null) {
            throw new IllegalArgumentException("no URL for " + service + "-service");
        }
        return base;
    }

    /** A token of {@code role} for the subject {@code subject} ("Bearer …"). */
    public String token(String role, String subject) {
        return tokens.computeIfAbsent(role + "/" + subject, k -> Tokens.as(subject, role));
    }

    public String token(String role) {
        return token(role, "simulator-" + role);
    }

    public Reply send(String service, String method, String path, String authorization, Object body) {
        long deadline = System.nanoTime() + patience.toNanos();
        long backoff = 100;
        while (true) {
            try {
                Reply r = sendOnce(service, method, path, authorization, body);
                if (r.status() < 500 || System.nanoTime() > deadline) {
                    return r;
                }
            } catch (ApiException e) {
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(method + " " + service + path + " interrupted", e);
            }
            backoff = Math.min(2000, backoff * 2);
        }
    }

    /** Like {@link #send}, but a request that never got an answer is a reply of status 0 instead of an exception. */
    Reply sendOrLost(String service, String method, String path, String authorization, Object body) {
        try {
            return send(service, method, path, authorization, body);
        } catch (ApiException lost) {
            return new Reply(0, MissingNode.getInstance());
        }
    }

    private Reply sendOnce(String service, String method, String path, String authorization, Object body) {
        try {
            String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(base(service).resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = MissingNode.getInstance();
            if (!r.body().isBlank() && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
                parsed = JSON.readTree(r.body());
            }
            return new Reply(r.statusCode(), parsed);
        } catch (IOException e) {
            throw new ApiException(method + " " + service + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(method + " " + service + path + " interrupted", e);
        }
    }

    /** Like {@link #send} but a non-2xx answer is an {@link ApiException} naming it. */
    public JsonNode call(String service, String method, String path, String authorization, Object body) {
        Reply r = send(service, method, path, authorization, body);
        if (!r.ok()) {
            throw new ApiException(method + " " + service + path + " answered " + r.status() + ": " + r.body(), null);
        }
        return r.body();
    }

    HttpClient http() {
        return http;
    }

    /** A call the suite refused or that did not get through. */
    public static final class ApiException extends RuntimeException {
        ApiException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
