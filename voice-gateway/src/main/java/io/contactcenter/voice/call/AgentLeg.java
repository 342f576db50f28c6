package io.contactcenter.voice.call;

import io.contactcenter.voice.media.Leg;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/** The call to an agent's phone for one offer: ringing, answered (bridged to the caller), ended. */
final class AgentLeg {

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

    String sipCallId() {
        return invite == null ? null : ((javax.sip.header.CallIdHeader) invite.getRequest().getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
    }
}
