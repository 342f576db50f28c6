package io.contactcenter.voice.call;

import io.contactcenter.voice.media.Leg;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/**
 * A call the gateway places and then only bridges (a callback's customer and agent, a transfer's target): its SIP
 * outcome goes to one handler as a number, 200 answered, 0 hung up after answering, else the final failure status.
 */
final class PlacedLeg implements OutboundLeg {

    /** Where the leg's outcomes go (a call's queue of happenings). */
    interface Outcome {
        void on(PlacedLeg leg, int status);
    }

    final Leg media;
    private final Outcome outcome;
    volatile ClientTransaction invite;
    volatile Dialog dialog;
    volatile boolean answered;

    PlacedLeg(Leg media, Outcome outcome) {
        this.media = media;
        this.outcome = outcome;
    }

    @Override
    public Leg media() {
        return media;
    }

    @Override
    public ClientTransaction invite() {
        return invite;
    }

    @Override
    public boolean isAnswered() {
        return answered;
    }

    @Override
    public void provisional() {
    }

    @Override
    public void onAnswered(Dialog d) {
        dialog = d;
        answered = true;
        outcome.on(this, 200);
    }

    @Override
    public void onFailed(int status) {
        outcome.on(this, status);
    }

    @Override
    public void onBye() {
        outcome.on(this, 0);
    }
}
