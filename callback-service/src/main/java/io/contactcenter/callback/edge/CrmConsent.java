package io.contactcenter.callback.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.callback.config.CallbackConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
    private final ObjectMapper mapper;
    private final CallbackConfig config;
    public CrmConsent(ObjectMapper mapper, CallbackConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unknown")
    public Uni<Boolean> doNotCall(String e164) {
        if (config.crm().url().isEmpty()) {
            return Uni.createFrom().item(false);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.crm().url().get() + "/crm/customers/lookup?phone="
                        + URLEncoder.encode(e164, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMillis(300)).header("Authorization", "Bearer " + config.crm().token().orElse("")).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .chain(r -> {
                    if (r.statusCode() == 404) {
                        return Uni.createFrom().item(false);
                    }
                    if (r.statusCode() != 200) {
                        return Uni.createFrom().failure(new IOException("crm answered " + r.statusCode()));
                    }
                    try {
                        JsonNode consents = mapper.readTree(r.body()).path("customer").path("consents");
                        return Uni.createFrom().item(consents.path("doNotCall").asBoolean(false));
                    } catch (IOException e) {
                        return Uni.createFrom().failure(e);
                    }
                });
    }

    Uni<Boolean> unknown(String e164) {
        return Uni.createFrom().item(false);
    }
}
