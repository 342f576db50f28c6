package io.contactcenter.ivr.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.events.http.JsonHttp;
import io.contactcenter.ivr.config.IvrConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The IVR's questions to other services, each bounded: a slow CRM or routing never stops a call from being
 * answered. Lookups take 300 ms at most (then the flow's fallback branch), routing questions 300 ms (then "open",
 * "unknown wait"), a callback booking 1 s.
 */
@ApplicationScoped
public class ServiceCalls {

    /** Thrown into a fallback: the service is not configured. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** What routing says of a waiting contact. */
    public record Waiting(Integer position, Double estimatedWaitSeconds, String state) {
    }

    private static final Duration QUESTION = Duration.ofMillis(300);
    private static final Duration COMMAND = Duration.ofSeconds(1);

    private final JsonHttp http;
    private final IvrConfig config;
    private final io.contactcenter.events.security.ServiceToken serviceToken;

    public ServiceCalls(JsonHttp http, IvrConfig config) {
        this.http = http;
        this.config = config;
        this.serviceToken = new io.contactcenter.events.security.ServiceToken(config.serviceToken(),
                config.serviceTokenFile());
    }

    /**
     * CRM context for the caller: empty if unknown. Fails (timeout, breaker open, CRM error, no CRM configured) when the
     * flow must take its {@code onError} branch.
     */
    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Map<String, Object>> lookup(String caller) {
        if (config.crmUrl().isEmpty() || caller == null || !caller.startsWith("+")) {
            return config.crmUrl().isEmpty() ? Uni.createFrom().failure(new Unavailable("no CRM configured"))
                    : Uni.createFrom().item(Map.of());
        }
        return get(config.crmUrl().get() + "/crm/customers/lookup?phone=" + URLEncoder.encode(caller, StandardCharsets.UTF_8))
                .map(body -> body.map(ServiceCalls::context).orElse(Map.of()));
    }

    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "queueUnknown")
    public Uni<Map<String, Object>> queueStatus(String queueId) {
        if (config.routingUrl().isEmpty()) {
            return queueUnknown(queueId);
        }
        return get(config.routingUrl().get() + "/routing/queues/" + URLEncoder.encode(queueId, StandardCharsets.UTF_8) + "/status")
                .map(body -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("open", body.map(b -> b.path("open").asBoolean(true)).orElse(true));
                    m.put("ewt", body.map(b -> b.path("estimatedWaitSeconds").isNumber() ? b.path("estimatedWaitSeconds").asDouble() : null)
                            .orElse(null));
                    return m;
                });
    }

    Uni<Map<String, Object>> queueUnknown(String queueId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("open", true);
        m.put("ewt", null);
        return Uni.createFrom().item(m);
    }

    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @Fallback(fallbackMethod = "waitingUnknown")
    public Uni<Waiting> waiting(String contactId) {
        if (config.routingUrl().isEmpty()) {
            return waitingUnknown(contactId);
        }
        return get(config.routingUrl().get() + "/routing/contacts/" + URLEncoder.encode(contactId, StandardCharsets.UTF_8))
                .map(body -> body.map(b -> new Waiting(b.path("position").isNumber() ? b.path("position").asInt() : null,
                        b.path("estimatedWaitSeconds").isNumber() ? b.path("estimatedWaitSeconds").asDouble() : null,
                        b.path("state").asText(null))).orElse(new Waiting(null, null, null)));
    }

    Uni<Waiting> waitingUnknown(String contactId) {
        return Uni.createFrom().item(new Waiting(null, null, null));
    }

    /** The caller hung up while waiting: an abandon in routing (position and wait recorded there). */
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100)
    public Uni<Void> abandon(String contactId) {
        if (config.routingUrl().isEmpty()) {
            return Uni.createFrom().failure(new Unavailable("no routing configured"));
        }
        // already gone (404) or already answered (409): nothing left to abandon
        return JsonHttp.expect(http.delete(config.routingUrl().get() + "/routing/contacts/"
                + URLEncoder.encode(contactId, StandardCharsets.UTF_8), token(), COMMAND), "routing", 404, 409);
    }

    /** Books a callback (keep my place when {@code queuedAt} is given); returns its id. */
    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100)
    public Uni<Void> bookCallback(String phone, String queueId, String contactId, java.time.Instant queuedAt) {
        if (config.callbackUrl().isEmpty()) {
            return Uni.createFrom().failure(new Unavailable("no callback-service configured"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", phone);
        body.put("queueId", queueId);
        body.put("origin", "ivr");
        body.put("parentContactId", contactId);
        if (queuedAt != null) {
            body.put("queuedAt", queuedAt.toString());
        }
        return JsonHttp.expect(http.post(config.callbackUrl().get() + "/callbacks", body, token(), COMMAND), "callback-service");
    }

    /**
     * Opens an SMS conversation with the caller's context and texts them {@code message} (messaging-service). Not
     * retried: a retry after a lost answer would open a second conversation; a failure is logged.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public Uni<Void> continueBySms(String phone, String message, String queueId, String contactId, Map<String, String> context) {
        if (config.messagingUrl().isEmpty()) {
            return Uni.createFrom().failure(new Unavailable("no messaging-service configured"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", phone);
        body.put("text", message);
        body.put("queueId", queueId);
        body.put("parentContactId", contactId);
        body.put("attributes", context);
        body.put("clientId", "ivr-" + contactId);
        return JsonHttp.expect(http.post(config.messagingUrl().get() + "/messaging/conversations", body, token(), COMMAND),
                "messaging-service");
    }

    private Uni<Optional<JsonNode>> get(String url) {
        return http.get(url, token(), QUESTION);
    }

    private String token() {
        return serviceToken.current();
    }

    /** The lookup answer as flow variables. */
    private static Map<String, Object> context(JsonNode c) {
        Map<String, Object> v = new LinkedHashMap<>();
        JsonNode customer = c.path("customer");
        v.put("customerId", customer.path("customerId").asText());
        v.put("name", customer.path("displayName").asText());
        v.put("segment", customer.path("segment").asText());
        v.put("vip", "VIP".equals(customer.path("segment").asText()));
        if (customer.hasNonNull("language")) {
            v.put("language", customer.path("language").asText());
        }
        v.put("risk", c.path("risk").path("score").asInt());
        v.put("riskLevel", c.path("risk").path("level").asText());
        JsonNode cases = c.path("openCases");
        v.put("openCases", cases.size());
        if (cases.size() > 0) {
            v.put("caseId", cases.get(0).path("caseId").asText());
            v.put("caseStatus", cases.get(0).path("status").asText());
        }
        JsonNode last = c.path("history").path("lastContact");
        if (last.isObject()) {
            v.put("lastOutcome", last.path("outcome").asText());
        }
        return v;
    }
}
