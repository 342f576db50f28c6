package io.contactcenter.voice.call;

import io.contactcenter.voice.media.Leg;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/** The call the gateway places for the IVR's {@code transfer}: out through the trunk, bridged with the caller. */
final class TransferLeg implements OutboundLeg {

    final InboundCall call;
    final Leg media;
    volatile ClientTransaction invite;
    volatile Dialog dialog;
    volatile boolean answered;

    TransferLeg(InboundCall call, Leg media) {
        this.call = call;
        this.media = media;
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
        call.signal(new Signal.TransferAnswered(this));
    }

    @Override
    public void onFailed(int status) {
        call.signal(new Signal.TransferEnded(this, status));
    }

    @Override
    public void onBye() {
        call.signal(new Signal.TransferEnded(this, 0));
    }
}
