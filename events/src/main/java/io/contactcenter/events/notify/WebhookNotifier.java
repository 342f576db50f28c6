package io.contactcenter.events.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

/**
 * POSTs the notification as JSON to its {@code url} (a partner's own endpoint) or {@code cc.notifier.webhook-url}.
 * Bounded: 2 s per try, 3 tries, a breaker that stops hammering a dead endpoint; what still fails is logged and
 * counted ({@code cc.notifications{result=failed}}), never thrown back into the case change.
 */
@ApplicationScoped
public class WebhookNotifier {

    private static final Logger LOG = Logger.getLogger(WebhookNotifier.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper;
    private final NotifierConfig config;
    private final MeterRegistry registry;

    public WebhookNotifier(ObjectMapper mapper, NotifierConfig config, MeterRegistry registry) {
        this.mapper = mapper;
        this.config = config;
        this.registry = registry;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "undelivered")
    public Uni<Void> send(Notification n) {
        String url = n.url() != null ? n.url() : config.webhookUrl().orElse(null);
        if (url == null) {
            registry.counter("cc.notifications", "result", "no-url").increment();
            return Uni.createFrom().voidItem();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(n)))
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .chain(response -> response.statusCode() / 100 == 2
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new IOException("webhook answered " + response.statusCode())))
                .invoke(() -> registry.counter("cc.notifications", "result", "delivered").increment());
    }

    Uni<Void> undelivered(Notification n) {
        registry.counter("cc.notifications", "result", "failed").increment();
        LOG.warnf("notification %s for %s to %s %s was not delivered", n.kind(), n.subjectId(), n.recipient(),
                n.recipientId());
        return Uni.createFrom().voidItem();
    }

    private String json(Notification n) {
        try {
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
