package io.contactcenter.crm.notify;

import io.contactcenter.crm.config.CrmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Picks the adapter named by {@code cc.crm.notifier.kind}. */
@ApplicationScoped
public class Notifiers {

    @Produces
    @ApplicationScoped
    Notifier notifier(CrmConfig config, LoggingNotifier logging, WebhookNotifier webhook) {
        return switch (config.notifier().kind()) {
            case "log" -> logging::send;
            case "webhook" -> webhook::send;
            default -> throw new IllegalArgumentException("cc.crm.notifier.kind must be 'log' or 'webhook', not '"
                    + config.notifier().kind() + "'");
        };
    }
}
