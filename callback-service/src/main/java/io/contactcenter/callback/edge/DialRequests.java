package io.contactcenter.callback.edge;

import io.contactcenter.callback.config.CallbackConfig;
import io.contactcenter.events.http.JsonHttp;
import io.contactcenter.events.callback.CallbackDialing;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final JsonHttp http;
    private final CallbackConfig config;
    private final MeterRegistry registry;

    public DialRequests(JsonHttp http, CallbackConfig config, MeterRegistry registry) {
        this.http = http;
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
        return JsonHttp.expect(http.post(config.edge().dialUrl().get(), dialing, null, Duration.ofSeconds(2)), "the edge")
                .invoke(() -> registry.counter("cc.callback.dial.requests", "result", "sent").increment());
    }

    Uni<Void> notSent(CallbackDialing dialing) {
        registry.counter("cc.callback.dial.requests", "result", "failed").increment();
        LOG.warnf("dial request for callback %s attempt %d did not reach the edge", dialing.callbackId(), dialing.attempt());
        return Uni.createFrom().voidItem();
    }
}
