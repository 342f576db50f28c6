package io.contactcenter.events.notify;

import io.contactcenter.events.http.JsonHttp;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final JsonHttp http;
    private final NotifierConfig config;
    private final MeterRegistry registry;
    private final WebhookPolicy policy;
    private final java.time.Clock clock;
    private volatile boolean warnedUnsigned;

    public WebhookNotifier(JsonHttp http, NotifierConfig config, MeterRegistry registry, java.time.Clock clock) {
        this.http = http;
        this.config = config;
        this.registry = registry;
        this.policy = WebhookPolicy.of(config);
        this.clock = clock;
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
        var refusal = policy.refusal(url);
        if (refusal.isPresent()) {
            // stored before the allow-list changed, or configured by hand: never sent, not retried
            registry.counter("cc.notifications", "result", "refused").increment();
            LOG.warnf("notification %s for %s not sent: its webhook URL %s", n.kind(), n.subjectId(), refusal.get());
            return Uni.createFrom().voidItem();
        }
        String body = http.json(n);
        String[] headers = new String[0];
        if (config.signingSecret().isPresent()) {
            long now = clock.instant().getEpochSecond();
            headers = new String[] {WebhookSignature.TIMESTAMP_HEADER, Long.toString(now),
                    WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(config.signingSecret().get(), now, body)};
        } else if (!warnedUnsigned) {
            warnedUnsigned = true;
            LOG.warn("webhooks are sent unsigned: set cc.notifier.signing-secret so receivers can verify them");
        }
        return JsonHttp.expect(http.postJson(url, body, config.timeout(), headers), url)
                .invoke(() -> registry.counter("cc.notifications", "result", "delivered").increment());
    }

    Uni<Void> undelivered(Notification n) {
        registry.counter("cc.notifications", "result", "failed").increment();
        LOG.warnf("notification %s for %s to %s %s was not delivered", n.kind(), n.subjectId(), n.recipient(),
                n.recipientId());
        return Uni.createFrom().voidItem();
    }
}
