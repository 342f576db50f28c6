package io.contactcenter.events.notify;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Writes notifications to the log: ids and status only, so no PII reaches the logs. */
@ApplicationScoped
public class LoggingNotifier {

    private static final Logger LOG = Logger.getLogger(LoggingNotifier.class);

    public Uni<Void> send(Notification n) {
        LOG.infof("notification %s to %s %s: %s is %s", n.kind(), n.recipient(), n.recipientId(), n.subjectId(), n.status());
        return Uni.createFrom().voidItem();
    }
}
