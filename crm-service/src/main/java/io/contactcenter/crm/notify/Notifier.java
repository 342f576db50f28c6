package io.contactcenter.crm.notify;

import io.smallrye.mutiny.Uni;

/**
 * The port to whatever tells partners and customers about their cases. Sent after the case change commits; a
 * failed delivery never undoes the change.
 */
public interface Notifier {

    Uni<Void> send(Notification notification);
}
