package io.contactcenter.voice.call;

import io.contactcenter.events.contact.ContactOffered;

/** What happens to a call, handed to the call's own thread in order. */
sealed interface Signal {

    record Key(char key) implements Signal {
    }

    record PlayDone(long token) implements Signal {
    }

    record CallerGone() implements Signal {
    }

    record Offer(ContactOffered offer) implements Signal {
    }

    record AgentAnswered(AgentLeg leg) implements Signal {
    }

    record AgentFailed(AgentLeg leg, int status) implements Signal {
    }

    record AgentGone(AgentLeg leg) implements Signal {
    }

    record RingTimeout(AgentLeg leg) implements Signal {
    }

    /** The transfer's far end answered (200), hung up after answering (0), or declined or failed (the status). */
    record Transfer(PlacedLeg leg, int status) implements Signal {
    }

    /** Routing completed the contact: an agent without a phone finished it at the desk. */
    record DeskCompleted() implements Signal {
    }
}
