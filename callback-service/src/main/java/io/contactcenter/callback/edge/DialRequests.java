package io.contactcenter.callback.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.callback.config.CallbackConfig;
import io.contactcenter.events.callback.CallbackDialing;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * Asks the telephony edge to dial: POSTs the {@code callback.dialing} payload to {@code cc.callback.edge.dial-url}.
 * Edges without a webhook read {@code callback.dialing} from Kafka or poll {@code GET /callbacks?status=DIALING}.
 * A failed request is logged and counted; the edge reports the outcome through {@code POST /callbacks/{id}/outcome}.
 */
@ApplicationScoped
public class DialRequests {

    private static final Logger LOG = Logger.getLogger(DialRequests.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper;
    private final CallbackConfig config;
    private final MeterRegistry registry;

    public DialRequests(ObjectMapper mapper, CallbackConfig config, MeterRegistry registry) {
        this.mapper = mapper;
        this.config = config;
        this.registry = registry;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "notSent")
    public Uni<Void> send(CallbackDialing dialing) {
        if (config.edge().dialUrl().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.edge().dialUrl().get()))
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(dialing)))
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .chain(r -> r.statusCode() / 100 == 2 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new IOException("edge answered " + r.statusCode())))
                .invoke(() -> registry.counter("cc.callback.dial.requests", "result", "sent").increment());
    }

    Uni<Void> notSent(CallbackDialing dialing) {
        registry.counter("cc.callback.dial.requests", "result", "failed").increment();
        LOG.warnf("dial request for callback %s attempt %d did not reach the edge", dialing.callbackId(), dialing.attempt());
        return Uni.createFrom().voidItem();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
