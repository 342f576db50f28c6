package io.contactcenter.events.notify;

import io.smallrye.mutiny.Uni;

/**
 * The port to whatever tells partners and customers about their cases and callbacks. Sent after the change
 * commits; a failed delivery never undoes the change. Adapters: {@link LoggingNotifier}, {@link WebhookNotifier},
 * chosen by {@code cc.notifier.kind}.
 */
public interface Notifier {

    Uni<Void> send(Notification notification);
}
