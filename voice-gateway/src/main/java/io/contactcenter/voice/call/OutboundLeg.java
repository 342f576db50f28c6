package io.contactcenter.voice.call;

import io.contactcenter.voice.media.Leg;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/** A call the gateway placed (to an agent's phone, to a customer through a trunk), as SIP signalling sees it. */
interface OutboundLeg {

    Leg media();

    ClientTransaction invite();

    /** The SIP Call-ID of the INVITE this leg sent (null before it is sent). */
    default String sipCallId() {
        ClientTransaction ct = invite();
        return ct == null ? null : ((javax.sip.header.CallIdHeader) ct.getRequest().getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
    }

    boolean isAnswered();

    /** 1xx: it rings (a CANCEL may now be sent). */
    void provisional();

    /** 2xx, ACKed, media connected to what the answer said. */
    void onAnswered(Dialog dialog);

    /** A final failure (3xx-6xx, or 408 when nothing came back). */
    void onFailed(int status);

    /** The far end hung up. */
    void onBye();
}
