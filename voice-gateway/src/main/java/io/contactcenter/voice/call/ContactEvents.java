package io.contactcenter.voice.call;

import io.contactcenter.events.Channel;
import io.contactcenter.events.CloudEvent;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.contact.ContactCompleted;
import io.contactcenter.events.contact.ContactOffered;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Routing's word on the calls this replica holds: an offer rings the agent's phone, a completion at the desk ends
 * the connected state. Events about other replicas' calls are skipped; what is done with them is idempotent (a
 * repeated offer rings no second phone, a repeated completion finds the call past it), so no inbox is needed.
 */
@ApplicationScoped
public class ContactEvents {

    private static final Logger LOG = Logger.getLogger(ContactEvents.class);

    private final Calls calls;
    private final EventCodec codec;

    public ContactEvents(Calls calls, EventCodec codec) {
        this.calls = calls;
        this.codec = codec;
    }

    @Incoming("contacts")
    public void onContacts(List<String> records) {
        for (String json : records) {
            try {
                CloudEvent e = codec.read(json);
                if (EventTypes.CONTACT_OFFERED.equals(e.type())) {
                    ContactOffered o = codec.data(e, ContactOffered.class);
                    if (o.channel() == Channel.VOICE) { // callback contacts are rung by the dial-out once the agent took them
                        calls.onContact(o.contactId(), new Signal.Offer(o));
                    }
                } else if (EventTypes.CONTACT_COMPLETED.equals(e.type())) {
                    calls.onContact(codec.data(e, ContactCompleted.class).contactId(), new Signal.DeskCompleted());
                }
            } catch (RuntimeException bad) {
                LOG.debugf("unreadable contact event skipped: %s", bad.getMessage());
            }
        }
    }
}
