package io.contactcenter.voice.sip;

import io.contactcenter.voice.media.Codec;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import java.util.concurrent.ThreadLocalRandom;
import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SdpParseException;
import javax.sdp.SessionDescription;

/**
 * SDP offer/answer (RFC 3264) for one audio stream of G.711 with RFC 4733 telephone-events: parsed with JAIN-SIP's
 * SDP parser, written from a fixed template (the gateway only ever says one thing).
 */
public final class Sdp {

    /** What the peer offered or answered: where to send audio, the codec chosen and the telephone-event type. */
    public record Media(InetSocketAddress address, Codec codec, int eventPayloadType) {
    }

    /** The peer's SDP was unusable; the message says why (it goes into a 488 reason). */
    public static final class Unacceptable extends Exception {
        Unacceptable(String message) {
            super(message);
        }
    }

    private Sdp() {
    }

    /** Picks from a peer's SDP: the first of its audio formats we speak, as the offerer ordered them. */
    @SuppressWarnings("unchecked")
    public static Media parse(String sdp) throws Unacceptable {
        if (sdp == null || sdp.isBlank()) {
            throw new Unacceptable("no SDP");
        }
        try {
            SessionDescription sd = SdpFactory.getInstance().createSessionDescription(sdp);
            Vector<MediaDescription> mds = sd.getMediaDescriptions(false);
            if (mds == null) {
                throw new Unacceptable("no media");
            }
            for (MediaDescription md : mds) {
                if (!"audio".equals(md.getMedia().getMediaType()) || md.getMedia().getMediaPort() == 0) {
                    continue;
                }
                Connection c = md.getConnection() != null ? md.getConnection() : sd.getConnection();
                if (c == null) {
                    throw new Unacceptable("no connection address");
                }
                int eventPt = 101;
                Vector<Attribute> attrs = md.getAttributes(false);
                if (attrs != null) {
                    for (Attribute a : attrs) {
                        if ("rtpmap".equals(a.getName()) && a.getValue() != null
                                && a.getValue().toLowerCase(Locale.ROOT).contains("telephone-event/8000")) {
                            eventPt = Integer.parseInt(a.getValue().trim().split("\\s+")[0]);
                        }
                    }
                }
                Vector<String> formats = md.getMedia().getMediaFormats(false);
                for (String f : formats == null ? List.<String>of() : formats) {
                    Codec codec = Codec.ofPayloadType(Integer.parseInt(f.trim()));
                    if (codec != null) {
                        return new Media(new InetSocketAddress(c.getAddress(), md.getMedia().getMediaPort()), codec, eventPt);
                    }
                }
                throw new Unacceptable("no common codec (PCMU or PCMA)");
            }
            throw new Unacceptable("no audio stream");
        } catch (SdpParseException | NumberFormatException e) {
            throw new Unacceptable("unreadable SDP: " + e.getMessage());
        } catch (SdpException e) {
            throw new Unacceptable("unreadable SDP: " + e.getMessage());
        }
    }

    /** Our answer: the chosen codec and telephone-events on our port. */
    public static String answer(String host, int port, Codec codec, int eventPt) {
        return describe(host, port, List.of(codec), eventPt);
    }

    /** Our offer to a phone: both laws (μ-law first) and telephone-events as type 101. */
    public static String offer(String host, int port) {
        return describe(host, port, List.of(Codec.PCMU, Codec.PCMA), 101);
    }

    private static String describe(String host, int port, List<Codec> codecs, int eventPt) {
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        StringBuilder s = new StringBuilder();
        s.append("v=0\r\n");
        s.append("o=cc-voice ").append(id).append(' ').append(id).append(" IN IP4 ").append(host).append("\r\n");
        s.append("s=contact-center\r\n");
        s.append("c=IN IP4 ").append(host).append("\r\n");
        s.append("t=0 0\r\n");
        s.append("m=audio ").append(port).append(" RTP/AVP");
        codecs.forEach(c -> s.append(' ').append(c.payloadType));
        s.append(' ').append(eventPt).append("\r\n");
        codecs.forEach(c -> s.append("a=rtpmap:").append(c.payloadType).append(' ').append(c).append("/8000\r\n"));
        s.append("a=rtpmap:").append(eventPt).append(" telephone-event/8000\r\n");
        s.append("a=fmtp:").append(eventPt).append(" 0-16\r\n");
        s.append("a=ptime:20\r\n");
        s.append("a=sendrecv\r\n");
        return s.toString();
    }
}
