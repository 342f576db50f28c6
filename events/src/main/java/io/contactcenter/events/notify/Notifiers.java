package io.contactcenter.events.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Picks the adapter named by {@code cc.notifier.kind}. */
@ApplicationScoped
public class Notifiers {

    @Produces
    @ApplicationScoped
    Notifier notifier(NotifierConfig config, LoggingNotifier logging, WebhookNotifier webhook) {
        return switch (config.kind()) {
            case "log" -> logging::send;
            case "webhook" -> webhook::send;
            default -> throw new IllegalArgumentException("cc.notifier.kind must be 'log' or 'webhook', not '"
                    + config.kind() + "'");
        };
    }
}
