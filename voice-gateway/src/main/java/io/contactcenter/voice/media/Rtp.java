package io.contactcenter.voice.media;

import java.nio.ByteBuffer;

/** RTP (RFC 3550) fixed header: what the gateway reads of a packet and how it writes one. */
public record Rtp(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, int payloadOffset, int payloadLength) {

    public static final int HEADER = 12;

    /** The header of {@code packet} (length {@code length}), or null when it is not RTP version 2. */
    public static Rtp parse(byte[] packet, int length) {
        if (length < HEADER || (packet[0] & 0xC0) != 0x80) {
            return null;
        }
        int cc = packet[0] & 0x0F;
        int offset = HEADER + 4 * cc;
        if ((packet[0] & 0x10) != 0) { // header extension: skip it
            if (length < offset + 4) {
                return null;
            }
            offset += 4 + 4 * (((packet[offset + 2] & 0xFF) << 8) | (packet[offset + 3] & 0xFF));
        }
        int end = length;
        if ((packet[0] & 0x20) != 0) { // padding: the last byte counts it
            end -= packet[length - 1] & 0xFF;
        }
        if (offset > end) {
            return null;
        }
        int pt = packet[1] & 0x7F;
        boolean marker = (packet[1] & 0x80) != 0;
        int seq = ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
        long ts = ((long) (packet[4] & 0xFF) << 24) | ((packet[5] & 0xFF) << 16) | ((packet[6] & 0xFF) << 8) | (packet[7] & 0xFF);
        long ssrc = ((long) (packet[8] & 0xFF) << 24) | ((packet[9] & 0xFF) << 16) | ((packet[10] & 0xFF) << 8) | (packet[11] & 0xFF);
        return new Rtp(pt, marker, seq, ts, ssrc, offset, end - offset);
    }

    /** Writes a header and payload into {@code out} (cleared first), ready to send. */
    public static void write(ByteBuffer out, int payloadType, boolean marker, int sequence, long timestamp, long ssrc,
            byte[] payload, int offset, int length) {
        out.clear();
        out.put((byte) 0x80);
        out.put((byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F)));
        out.putShort((short) sequence);
        out.putInt((int) timestamp);
        out.putInt((int) ssrc);
        out.put(payload, offset, length);
        out.flip();
    }
}
