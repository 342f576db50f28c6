package io.contactcenter.voice.call;

import io.contactcenter.voice.config.VoiceConfig;
import io.contactcenter.voice.media.Leg;
import io.contactcenter.voice.media.MediaEngine;
import io.contactcenter.voice.phone.Phones;
import io.contactcenter.voice.prompt.PromptStore;
import io.contactcenter.voice.sip.Sdp;
import io.contactcenter.voice.sip.SessionTimer;
import io.contactcenter.voice.sip.SipEndpoint;
import io.contactcenter.voice.tts.SpeechSynthesizer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The calls this replica holds, by SIP Call-ID (both legs) and by contact id (for routing's events), and the
 * translation of SIP signalling into each call's signals.
 */
@ApplicationScoped
public class Calls implements SipEndpoint.SipCalls {

    private static final Logger LOG = Logger.getLogger(Calls.class);
    private static final Pattern INFO_SIGNAL = Pattern.compile("(?im)^\\s*Signal\\s*=\\s*([0-9*#A-D])");

    private final Map<String, InboundCall> bySipCall = new ConcurrentHashMap<>();
    private final Map<String, InboundCall> byContact = new ConcurrentHashMap<>();
    private final Map<String, OutboundCall> dialsByContact = new ConcurrentHashMap<>();
    private final Map<String, OutboundLeg> outbound = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService callThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "call-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "call-timers");
        t.setDaemon(true);
        return t;
    });
    private final SipEndpoint sip;
    private final MediaEngine media;
    private final MeterRegistry metrics;
    private final CallServices services;

    @Inject
    public Calls(Edge edge, SipEndpoint sip, MediaEngine media, SpeechSynthesizer tts, PromptStore prompts, Phones phones,
            VoiceConfig config, CallLog log, CallQuality quality, CallRecorder recorder, MeterRegistry metrics) {
        this.sip = sip;
        this.media = media;
        this.metrics = metrics;
        this.services = new CallServices(edge, sip, media, tts, prompts, phones, config, this, log, quality, recorder, metrics, timers);
        Gauge.builder("cc_voice_calls_active", bySipCall, Map::size).description("calls held by this replica").register(metrics);
        Gauge.builder("cc_voice_rtp_legs_active", media, MediaEngine::activeLegs).register(metrics);
    }

    void start(@Observes StartupEvent ev) {
        sip.calls(this);
    }

    void stop(@Observes ShutdownEvent ev) {
        // a clean stop ends its calls as a crash would not: the IVR and routing hear of each
        for (InboundCall c : bySipCall.values()) {
            c.signal(new Signal.CallerGone());
        }
        callThreads.shutdown();
        try {
            callThreads.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
    }

    public int active() {
        return bySipCall.size();
    }

    void indexContact(String contactId, InboundCall call) {
        byContact.put(contactId, call);
    }

    void indexOutbound(OutboundLeg leg) {
        String id = leg.sipCallId();
        if (id != null) {
            outbound.put(id, leg);
        }
    }

    void removeOutbound(OutboundLeg leg) {
        String id = leg.sipCallId();
        if (id != null) {
            outbound.remove(id, leg);
        }
    }

    void remove(InboundCall call) {
        bySipCall.remove(call.sipCallId);
        if (call.contactId != null) {
            byContact.remove(call.contactId, call);
        }
        outbound.values().removeIf(a -> a instanceof AgentLeg al && al.call == call);
    }

    /** Routing's events for a contact this replica holds; others are not ours. */
    void onContact(String contactId, Signal signal) {
        InboundCall call = byContact.get(contactId);
        if (call != null) {
            call.signal(signal);
        }
        OutboundCall dial = dialsByContact.get(contactId);
        if (dial != null && signal instanceof Signal.DeskCompleted) {
            dial.completedByRouting();
        }
    }

    void indexDial(String contactId, OutboundCall call) {
        dialsByContact.put(contactId, call);
    }

    void removeDial(String contactId, OutboundCall call) {
        dialsByContact.remove(contactId, call);
    }

    void endAgent(AgentLeg leg) {
        leg.ended = true;
        if (leg.dialog != null) {
            sip.bye(leg.dialog);
        }
    }

    CallServices services() {
        return services;
    }

    void dial(Runnable outboundCall) {
        callThreads.execute(outboundCall);
    }

    void cancelAgent(AgentLeg leg) {
        if (leg.answered) {
            endAgent(leg);
        } else if (leg.invite != null) {
            sip.cancel(leg.invite);
        }
    }

    // ------------------------------------------------------------------------------------------------ SIP in

    @Override
    public void onInvite(RequestEvent e, ServerTransaction st) {
        Request r = e.getRequest();
        String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        if (((javax.sip.header.ToHeader) r.getHeader(javax.sip.header.ToHeader.NAME)).getTag() != null) {
            InboundCall call = bySipCall.get(callId);
            String sdp = r.getRawContent() == null ? "" : new String(r.getRawContent(), StandardCharsets.UTF_8);
            if (call != null && call.answerSdp != null && !sdp.contains("a=sendonly") && !sdp.contains("a=inactive")) {
                refresh(call, st, call.answerSdp); // a caller's session refresh: the same answer, the media as it is
                return;
            }
            // a hold, or an agent phone's re-INVITE: refused, so the media stays as it is
            sip.respond(st, Response.NOT_ACCEPTABLE_HERE, "re-INVITE not supported");
            return;
        }
        if (bySipCall.containsKey(callId)) {
            return; // a retransmission the stack did not absorb
        }
        Sdp.Media offer;
        try {
            offer = Sdp.parse(r.getRawContent() == null ? null : new String(r.getRawContent(), StandardCharsets.UTF_8));
        } catch (Sdp.Unacceptable u) {
            metrics.counter("cc_voice_calls_refused_total", "reason", "sdp").increment();
            sip.respond(st, Response.NOT_ACCEPTABLE_HERE, u.getMessage());
            return;
        }
        SessionTimer timer = SessionTimer.negotiate(value(r, "Session-Expires"), value(r, "Supported"),
                services.config().sip().sessionExpires(), services.config().sip().minSessionExpires());
        if (timer.tooSmall()) {
            metrics.counter("cc_voice_calls_refused_total", "reason", "session-interval").increment();
            try {
                sip.intervalTooSmall(st, services.config().sip().minSessionExpires());
            } catch (Exception ex) {
                LOG.debugf("422 not sent: %s", ex.getMessage());
            }
            return;
        }
        String to = user(((javax.sip.header.ToHeader) r.getHeader(javax.sip.header.ToHeader.NAME)).getAddress().getURI());
        if (r.getRequestURI() instanceof SipURI ru && ru.getUser() != null) {
            to = ru.getUser();
        }
        String from = user(((FromHeader) r.getHeader(FromHeader.NAME)).getAddress().getURI());
        Leg leg;
        try {
            leg = media.open();
        } catch (IllegalStateException full) {
            metrics.counter("cc_voice_calls_refused_total", "reason", "no-rtp-port").increment();
            sip.respond(st, Response.BUSY_HERE);
            return;
        }
        leg.connect(offer.address(), offer.codec(), offer.eventPayloadType());
        InboundCall call = new InboundCall(services, callId, from, to, leg);
        bySipCall.put(callId, call);
        try {
            call.answerSdp = Sdp.answer(leg.address(), leg.port(), offer.codec(), offer.eventPayloadType());
            call.timer(timer);
            call.dialog = sip.answer(st, call.answerSdp, timer);
        } catch (Exception ex) {
            LOG.warnf("call %s not answered: %s", callId, ex.getMessage());
            bySipCall.remove(callId);
            leg.close();
            return;
        }
        callThreads.execute(call);
    }

    @Override
    public void onAck(RequestEvent e) {
        // media already flows: the gateway plays from its 200 OK, as an IVR answering a call does
    }

    @Override
    public void onBye(RequestEvent e, ServerTransaction st) {
        String callId = callId(e.getRequest());
        sip.respond(st, Response.OK);
        InboundCall call = bySipCall.get(callId);
        if (call != null) {
            call.signal(new Signal.CallerGone());
            return;
        }
        OutboundLeg leg = outbound.get(callId);
        if (leg != null) {
            leg.onBye();
        }
    }

    @Override
    public void onCancel(RequestEvent e, ServerTransaction st) {
        sip.respond(st, Response.OK);
        InboundCall call = bySipCall.get(callId(e.getRequest()));
        if (call != null) {
            call.signal(new Signal.CallerGone());
        }
    }

    @Override
    public void onUpdate(RequestEvent e, ServerTransaction st) {
        InboundCall call = bySipCall.get(callId(e.getRequest()));
        if (call == null) {
            sip.respond(st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        refresh(call, st, e.getRequest().getRawContent() == null ? null : call.answerSdp);
    }

    private void refresh(InboundCall call, ServerTransaction st, String sdp) {
        call.refreshed();
        try {
            sip.refreshed(st, sdp, call.timer());
            metrics.counter("cc_voice_session_refreshes_total").increment();
        } catch (Exception ex) {
            LOG.debugf("refresh of %s not answered: %s", call.sipCallId, ex.getMessage());
        }
    }

    /** A header's value(s), comma-joined; null when absent. */
    private static String value(Request r, String name) {
        java.util.ListIterator<?> it = r.getHeaders(name);
        StringBuilder v = new StringBuilder();
        while (it != null && it.hasNext()) {
            String h = it.next().toString();
            v.append(v.isEmpty() ? "" : ",").append(h.substring(h.indexOf(':') + 1).trim());
        }
        return v.isEmpty() ? null : v.toString();
    }

    @Override
    public void onInfo(RequestEvent e, ServerTransaction st) {
        InboundCall call = bySipCall.get(callId(e.getRequest()));
        if (call == null) {
            sip.respond(st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        byte[] body = e.getRequest().getRawContent();
        Matcher m = INFO_SIGNAL.matcher(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        if (m.find()) {
            call.onKey(m.group(1).charAt(0)); // SIP INFO (application/dtmf-relay): phones without RFC 4733
        }
        sip.respond(st, Response.OK);
    }

    @Override
    public void onResponse(ResponseEvent e) {
        Response r = e.getResponse();
        String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        OutboundLeg leg = outbound.get(callId);
        String method = ((javax.sip.header.CSeqHeader) r.getHeader(javax.sip.header.CSeqHeader.NAME)).getMethod();
        if (leg == null || !Request.INVITE.equals(method)) {
            return;
        }
        int status = r.getStatusCode();
        if (status < 200) {
            leg.provisional();
            return;
        }
        if (status < 300) {
            try {
                sip.ack(e);
            } catch (Exception ex) {
                LOG.debugf("ACK not sent: %s", ex.getMessage());
            }
            javax.sip.Dialog dialog = e.getDialog() != null ? e.getDialog() : e.getClientTransaction().getDialog();
            if (leg.isAnswered()) {
                return; // a retransmitted 200
            }
            try {
                Sdp.Media answer = Sdp.parse(r.getRawContent() == null ? null : new String(r.getRawContent(), StandardCharsets.UTF_8));
                leg.media().connect(answer.address(), answer.codec(), answer.eventPayloadType());
            } catch (Sdp.Unacceptable u) {
                LOG.infof("call %s answered with unusable SDP: %s", callId, u.getMessage());
                sip.bye(dialog);
                leg.onFailed(488);
                return;
            }
            leg.onAnswered(dialog);
            return;
        }
        leg.onFailed(status);
    }

    @Override
    public void onTimeout(ClientTransaction ct) {
        String callId = ((CallIdHeader) ct.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        OutboundLeg leg = outbound.get(callId);
        if (leg != null && !leg.isAnswered() && Request.INVITE.equals(ct.getRequest().getMethod())) {
            leg.onFailed(408);
        }
    }

    private static String callId(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String user(javax.sip.address.URI uri) {
        if (uri instanceof SipURI s) {
            return s.getUser();
        }
        String u = uri.toString();
        return u.startsWith("tel:") ? u.substring(4) : u;
    }
}
