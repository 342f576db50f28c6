package io.contactcenter.voice.call;

import io.contactcenter.voice.media.Leg;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/** The call to an agent's phone for one offer: ringing, answered (bridged to the caller), ended. */
final class AgentLeg implements OutboundLeg {

    final InboundCall call;
    final String agentId;
    final String offerId;
    final Leg media;
    volatile ClientTransaction invite;
    volatile Dialog dialog;
    volatile boolean provisional;
    volatile boolean answered;
    volatile boolean ended;

    AgentLeg(InboundCall call, String agentId, String offerId, Leg media) {
        this.call = call;
        this.agentId = agentId;
        this.offerId = offerId;
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
    public void onAnswered(Dialog d) {
        dialog = d;
        answered = true;
        call.signal(new Signal.AgentAnswered(this));
    }

    @Override
    public void onFailed(int status) {
        ended = true;
        call.signal(new Signal.AgentFailed(this, status));
    }

    @Override
    public void onBye() {
        if (!ended) {
            ended = true;
            call.signal(new Signal.AgentGone(this));
        }
    }

    @Override
    public boolean isAnswered() {
        return answered;
    }

    @Override
    public void provisional() {
        provisional = true;
    }
}
