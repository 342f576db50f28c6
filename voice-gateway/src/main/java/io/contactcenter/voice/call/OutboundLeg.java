package io.contactcenter.voice.call;

import io.contactcenter.voice.media.Leg;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;

/** A call the gateway placed (to an agent's phone, to a customer through a trunk), as SIP signalling sees it. */
interface OutboundLeg {

    Leg media();

    ClientTransaction invite();

    String sipCallId();

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
