package io.contactcenter.callback.edge;

import io.contactcenter.callback.config.CallbackConfig;
import io.contactcenter.events.http.JsonHttp;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Asks crm-service whether a number is on do-not-call before an automatic callback is created. Bounded to 300 ms;
 * when CRM is slow, down or does not know the number, the answer is "not blocked" — an automatic callback is a
 * service to the customer, and the caller just asked for help.
 */
@ApplicationScoped
public class CrmConsent {

    private final JsonHttp http;
    private final CallbackConfig config;
    private final io.contactcenter.events.security.ServiceToken token;

    public CrmConsent(JsonHttp http, CallbackConfig config) {
        this.http = http;
        this.config = config;
        this.token = new io.contactcenter.events.security.ServiceToken(config.crm().token(), config.crm().tokenFile());
    }

    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unknown")
    public Uni<Boolean> doNotCall(String e164) {
        if (config.crm().url().isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return http.get(config.crm().url().get() + "/crm/customers/lookup?phone=" + URLEncoder.encode(e164, StandardCharsets.UTF_8),
                        token.current(), Duration.ofMillis(300))
                .map(body -> body.map(c -> c.path("customer").path("consents").path("doNotCall").asBoolean(false)).orElse(false));
    }

    Uni<Boolean> unknown(String e164) {
        return Uni.createFrom().item(false);
    }
}
