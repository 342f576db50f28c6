package io.contactcenter.messaging.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.events.http.JsonHttp;
import io.contactcenter.events.security.ServiceToken;
import io.contactcenter.messaging.config.MessagingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * What messaging asks other services, each bounded so that a slow peer never holds a customer's chat: who the
 * customer is (CRM, 1 s, else unknown), where a waiting chat stands (routing, 300 ms, else unknown), completing a
 * contact in routing (retried) and booking a callback (1 s).
 */
@ApplicationScoped
public class Peers {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Peers.class);

    /** What routing says of a waiting contact. */
    public record Waiting(Integer position, Double estimatedWaitSeconds, String state) {
        static final Waiting UNKNOWN = new Waiting(null, null, null);
    }

    /** A customer CRM knows: id, name and segment. */
    public record Customer(String customerId, String displayName, String segment) {
    }

    private static final Duration QUESTION = Duration.ofMillis(300);
    private static final Duration COMMAND = Duration.ofSeconds(1);

    private final JsonHttp http;
    private final MessagingConfig config;
    private final ServiceToken token;

    public Peers(JsonHttp http, MessagingConfig config) {
        this.http = http;
        this.config = config;
        this.token = new ServiceToken(config.serviceToken(), config.serviceTokenFile());
    }

    /**
     * The CRM customer with this e-mail address or E.164 number (e-mail first); empty when unknown. A customer who
     * submitted a form or sent a message waits a second for it at most; a slow or failing CRM leaves them unknown
     * (logged), it never stops the conversation.
     */
    public Uni<Optional<Customer>> identify(String email, String phone) {
        if (config.crmUrl().isEmpty() || (email == null && phone == null)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return lookUp(email, phone).onFailure().recoverWithItem(e -> {
            LOG.warnf("CRM did not identify %s in time, the conversation goes on unidentified: %s",
                    email != null ? "an e-mail address" : "a number", e.toString());
            return Optional.empty();
        });
    }

    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    Uni<Optional<Customer>> lookUp(String email, String phone) {
        String query = email != null ? "email=" + enc(email) : "phone=" + enc(phone);
        return http.get(config.crmUrl().get() + "/crm/customers?limit=1&" + query, token.current(), QUESTION)
                .map(body -> body.filter(JsonNode::isArray).filter(a -> a.size() > 0).map(a -> a.get(0))
                        .map(c -> new Customer(c.path("customerId").asText(), c.path("displayName").asText(null),
                                c.path("segment").asText(null))));
    }

    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @Fallback(fallbackMethod = "waitingUnknown")
    public Uni<Waiting> waiting(String contactId) {
        if (config.routingUrl().isEmpty()) {
            return waitingUnknown(contactId);
        }
        return http.get(config.routingUrl().get() + "/routing/contacts/" + enc(contactId), token.current(), QUESTION)
                .map(body -> body.map(b -> new Waiting(b.path("position").isNumber() ? b.path("position").asInt() : null,
                        b.path("estimatedWaitSeconds").isNumber() ? b.path("estimatedWaitSeconds").asDouble() : null,
                        b.path("state").asText(null))).orElse(Waiting.UNKNOWN));
    }

    Uni<Waiting> waitingUnknown(String contactId) {
        return Uni.createFrom().item(Waiting.UNKNOWN);
    }

    /** Ends an agent's part of a contact in routing; one already ended (409) or gone (404) is fine. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    public Uni<Void> complete(String contactId) {
        if (config.routingUrl().isEmpty()) {
            return Uni.createFrom().failure(new ServiceUnavailableException("no routing-service configured"));
        }
        return JsonHttp.expect(http.post(config.routingUrl().get() + "/routing/contacts/" + enc(contactId) + "/complete",
                Map.of(), token.current(), COMMAND), "routing", 404, 409);
    }

    /** Books a callback for a chat's customer in callback-service; the window is on the customer's clock. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public Uni<JsonNode> bookCallback(String phone, String queueId, String parentContactId, Instant queuedAt,
            LocalDateTime windowStart, LocalDateTime windowEnd, String timeZone) {
        if (config.callbackUrl().isEmpty()) {
            return Uni.createFrom().failure(new ServiceUnavailableException("Callbacks are not available here."));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", phone);
        body.put("queueId", queueId);
        body.put("origin", "web");
        body.put("parentContactId", parentContactId);
        if (queuedAt != null) {
            body.put("queuedAt", queuedAt.toString());
        }
        if (windowStart != null) {
            body.put("windowStart", windowStart.toString());
            body.put("windowEnd", windowEnd == null ? null : windowEnd.toString());
            body.put("timeZone", timeZone);
        }
        return http.exchange(config.callbackUrl().get() + "/callbacks", body, token.current(), COMMAND);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
