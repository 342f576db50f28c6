package io.contactcenter.voice.media;

/**
 * RFC 4733 telephone-events (DTMF) as they arrive: one key press is many packets with the same RTP timestamp, the
 * last three with the end bit. A key is reported once, at its first packet, so a slow or lost end packet does not
 * delay it and retransmitted ends do not repeat it.
 */
public final class TelephoneEvent {

    private static final String KEYS = "0123456789*#ABCD";

    private long lastTimestamp = -1;

    /** The key this packet starts, or 0 when it continues or ends one already reported (or is no DTMF key). */
    public char onPacket(byte[] packet, Rtp rtp) {
        if (rtp.payloadLength() < 4) {
            return 0;
        }
        int event = packet[rtp.payloadOffset()] & 0xFF;
        if (rtp.timestamp() == lastTimestamp || event >= KEYS.length()) {
            return 0;
        }
        lastTimestamp = rtp.timestamp();
        return KEYS.charAt(event);
    }

    /** The event code of a key, for sending. */
    public static int code(char key) {
        return KEYS.indexOf(Character.toUpperCase(key));
    }
}
