package io.contactcenter.voice.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactcenter.events.http.JsonHttp;
import io.contactcenter.events.security.ServiceToken;
import io.contactcenter.voice.config.VoiceConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The gateway as the IVR's and routing's telephony edge: the same webhooks a cloud voice platform calls, each
 * bounded. Starting a call may be retried (the call id makes it idempotent); a caller's event may not (keys would
 * count twice), so it has a timeout and a breaker only.
 */
@ApplicationScoped
public class Edge {

    private static final Duration HTTP = Duration.ofSeconds(3);

    private final JsonHttp http;
    private final VoiceConfig config;
    private final ServiceToken token;

    public Edge(JsonHttp http, VoiceConfig config) {
        this.http = http;
        this.config = config;
        this.token = new ServiceToken(config.serviceToken(), config.serviceTokenFile());
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = JsonHttp.Failed.class)
    public Uni<JsonNode> start(String callId, String from, String to) {
        return http.exchange(config.ivrUrl() + "/ivr/calls", Map.of("callId", callId, "from", from, "to", to), token.current(), HTTP);
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<JsonNode> event(String sessionId, Map<String, Object> event) {
        return http.exchange(config.ivrUrl() + "/ivr/calls/" + enc(sessionId) + "/events", event, token.current(), HTTP);
    }

    /** Accepts the offer for the agent whose phone answered; fails (409) when it is no longer pending. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public Uni<JsonNode> accept(String offerId, String agentId) {
        return http.exchange(config.routingUrl() + "/routing/offers/" + enc(offerId) + "/accept?agentId=" + enc(agentId), Map.of(),
                token.current(), HTTP);
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = JsonHttp.Failed.class)
    public Uni<Void> reject(String offerId, String agentId) {
        return JsonHttp.expect(http.post(config.routingUrl() + "/routing/offers/" + enc(offerId) + "/reject?agentId=" + enc(agentId),
                Map.of(), token.current(), HTTP), "routing", 409, 404);
    }

    /** The agent hung up: the contact goes to wrap-up. Already completed (409) or gone (404) is fine. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 200)
    public Uni<Void> complete(String contactId) {
        return JsonHttp.expect(http.post(config.routingUrl() + "/routing/contacts/" + enc(contactId) + "/complete", Map.of(),
                token.current(), HTTP), "routing", 409, 404);
    }

    /** How a callback's dial-out went, from the real SIP answer. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 300, abortOn = JsonHttp.Failed.class)
    public Uni<Void> outcome(String callbackId, String outcome) {
        return JsonHttp.expect(http.post(config.callbackUrl() + "/callbacks/" + enc(callbackId) + "/outcome", Map.of("outcome", outcome),
                token.current(), HTTP), "callback-service");
    }

    /**
     * Whether the caller's recording consent stands: false only when the CRM knows the number and says it was
     * withdrawn. Unknown callers, no CRM, or a CRM that does not answer in 300 ms: recorded (the greeting announces it),
     * and the CRM refuses the attachment if it knows better later.
     */
    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @Fallback(fallbackMethod = "consentUnknown")
    public Uni<Boolean> recordingAllowed(String phone) {
        if (config.crmUrl().isEmpty() || phone == null || !phone.startsWith("+")) {
            return Uni.createFrom().item(true);
        }
        return http.get(config.crmUrl().get() + "/crm/customers/lookup?phone=" + enc(phone), token.current(), Duration.ofMillis(300))
                .map(body -> body.map(b -> b.path("customer").path("consents").path("recording").asBoolean(true)).orElse(true));
    }

    Uni<Boolean> consentUnknown(String phone) {
        return Uni.createFrom().item(true);
    }

    /** Attaches a stored recording to the contact's CRM interaction. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, abortOn = JsonHttp.Failed.class)
    public Uni<JsonNode> attachRecording(Map<String, Object> recording) {
        if (config.crmUrl().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return http.exchange(config.crmUrl().get() + "/crm/recordings", recording, token.current(), HTTP);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
