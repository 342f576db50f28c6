package io.contactcenter.voice.sip;

import io.contactcenter.voice.config.VoiceConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * The gateway's SIP user agent on JAIN-SIP (UDP and TCP): calls from trunks, agents' registrations, calls to agents'
 * phones. It answers OPTIONS (a SIP load balancer's health check), refuses what it does not serve with the right
 * status, and hands call signalling to {@link SipCalls}, which the call layer implements.
 */
@ApplicationScoped
public class SipEndpoint implements SipListener {

    private static final Logger LOG = Logger.getLogger(SipEndpoint.class);

    /** What the call layer does with call signalling; every method is called on a SIP stack thread. */
    public interface SipCalls {
        void onInvite(RequestEvent e, ServerTransaction st);

        void onAck(RequestEvent e);

        void onBye(RequestEvent e, ServerTransaction st);

        void onCancel(RequestEvent e, ServerTransaction st);

        void onInfo(RequestEvent e, ServerTransaction st);

        /** An in-dialog UPDATE: a session refresh (RFC 4028). */
        void onUpdate(RequestEvent e, ServerTransaction st);

        void onResponse(ResponseEvent e);

        void onTimeout(ClientTransaction ct);
    }

    private final VoiceConfig config;
    private final Registrar registrar;
    private final TrunkPolicy trunks;
    private final MeterRegistry registry;
    private SipStack stack;
    private SipProvider provider;
    private HeaderFactory headers;
    private AddressFactory addresses;
    private MessageFactory messages;
    private volatile SipCalls calls;

    public SipEndpoint(VoiceConfig config, Registrar registrar, TrunkPolicy trunks, MeterRegistry registry) {
        this.config = config;
        this.registrar = registrar;
        this.trunks = trunks;
        this.registry = registry;
    }

    void start(@Observes StartupEvent ev) throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "cc-voice-" + config.instanceId());
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "16");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        stack = factory.createSipStack(p);
        // set on the stack rather than named in its properties: the stack loads named classes with its own class loader
        CountingParserFactory parsers = new CountingParserFactory();
        ((gov.nist.javax.sip.stack.SIPTransactionStack) stack).setMessageParserFactory(parsers);
        FunctionCounter.builder("cc_voice_sip_malformed_total", parsers, CountingParserFactory::malformed)
                .description("SIP messages the stack could not parse (answered 400, or dropped)").register(registry);
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        messages = factory.createMessageFactory();
        ListeningPoint udp = stack.createListeningPoint(config.sip().host(), config.sip().port(), ListeningPoint.UDP);
        ListeningPoint tcp = stack.createListeningPoint(config.sip().host(), config.sip().port(), ListeningPoint.TCP);
        provider = stack.createSipProvider(udp);
        provider.addListeningPoint(tcp);
        try {
            provider.addSipListener(this);
        } catch (TooManyListenersException e) {
            throw new IllegalStateException(e);
        }
        stack.start();
        LOG.infof("SIP listening on %s:%d (UDP, TCP)", config.sip().host(), config.sip().port());
    }

    void stop(@Observes ShutdownEvent ev) {
        if (stack != null) {
            stack.stop();
        }
    }

    public void calls(SipCalls c) {
        this.calls = c;
    }

    public MessageFactory messages() {
        return messages;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public SipProvider provider() {
        return provider;
    }

    @Override
    public void processRequest(RequestEvent e) {
        Request r = e.getRequest();
        String method = r.getMethod();
        registry.counter("cc_voice_sip_requests_total", "method", known(method)).increment();
        try {
            ServerTransaction st = e.getServerTransaction();
            if (Request.ACK.equals(method)) {
                SipCalls c = calls;
                if (c != null) {
                    c.onAck(e);
                }
                return;
            }
            if (st == null) {
                st = provider.getNewServerTransaction(r);
            }
            String source = sourceIp(r);
            switch (method) {
                case Request.OPTIONS -> st.sendResponse(withAllow(messages.createResponse(Response.OK, r)));
                case Request.REGISTER -> st.sendResponse(registrar.register(r, source + ":" + ((gov.nist.javax.sip.message.SIPMessage) r).getRemotePort(), messages, headers));
                case Request.INVITE -> {
                    if (e.getDialog() == null) {
                        TrunkPolicy.Admission admission = trunks.admit(r, source);
                        if (admission == TrunkPolicy.Admission.FORBIDDEN) {
                            registry.counter("cc_voice_calls_refused_total", "reason", "not-a-trunk").increment();
                            st.sendResponse(messages.createResponse(Response.FORBIDDEN, r));
                            return;
                        }
                        if (admission != TrunkPolicy.Admission.ALLOWED) {
                            registry.counter("cc_voice_calls_refused_total", "reason", "trunk-challenged").increment();
                            st.sendResponse(trunks.challenge(r, messages, headers, admission == TrunkPolicy.Admission.STALE));
                            return;
                        }
                    }
                    calls.onInvite(e, st);
                }
                case Request.BYE -> calls.onBye(e, st);
                case Request.CANCEL -> calls.onCancel(e, st);
                case Request.INFO -> calls.onInfo(e, st);
                case Request.UPDATE -> calls.onUpdate(e, st);
                default -> st.sendResponse(withAllow(messages.createResponse(Response.METHOD_NOT_ALLOWED, r)));
            }
        } catch (Exception ex) {
            LOG.warnf(ex, "SIP %s from %s failed", method, sourceIp(r));
            registry.counter("cc_voice_sip_errors_total", "method", known(method)).increment();
            try {
                ServerTransaction st = e.getServerTransaction();
                if (st != null && !Request.ACK.equals(method)) {
                    st.sendResponse(messages.createResponse(Response.SERVER_INTERNAL_ERROR, r));
                }
            } catch (Exception ignored) {
                // the transaction may already have answered
            }
        }
    }

    /** The address the message came from (the socket's, not what its headers claim). */
    private static String sourceIp(Request r) {
        java.net.InetAddress a = ((gov.nist.javax.sip.message.SIPMessage) r).getRemoteAddress();
        return a == null ? "" : a.getHostAddress();
    }

    private Response withAllow(Response r) throws java.text.ParseException {
        r.addHeader(headers.createAllowHeader("INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, INFO, UPDATE"));
        return r;
    }

    private static String known(String method) {
        return switch (method) {
            case "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "PRACK", "UPDATE", "REFER", "NOTIFY",
                    "SUBSCRIBE", "MESSAGE" -> method;
            default -> "OTHER";
        };
    }

    @Override
    public void processResponse(ResponseEvent e) {
        SipCalls c = calls;
        if (c != null) {
            c.onResponse(e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent e) {
        SipCalls c = calls;
        if (c != null && e.isServerTransaction() == false && e.getClientTransaction() != null) {
            c.onTimeout(e.getClientTransaction());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent e) {
        LOG.debugf("SIP I/O error towards %s:%d", e.getHost(), e.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent e) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent e) {
    }

    // ------------------------------------------------------------------ what the call layer sends

    /** Answers an INVITE with 200 and our SDP; the dialog is the call's from now on. */
    /** 200 OK to a new call, with the session timer negotiated (RFC 4028) when there is one. */
    public Dialog answer(ServerTransaction st, String sdp, SessionTimer timer) throws Exception {
        Request invite = st.getRequest();
        Response ok = messages.createResponse(Response.OK, invite);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(tag());
        ok.addHeader(contact());
        withTimer(ok, timer);
        ok.setContent(sdp, sdpType());
        st.sendResponse(ok);
        return st.getDialog();
    }

    /** 200 OK to a session refresh (a re-INVITE, answered with the call's SDP unchanged, or an UPDATE). */
    public void refreshed(ServerTransaction st, String sdp, SessionTimer timer) throws Exception {
        Response ok = messages.createResponse(Response.OK, st.getRequest());
        ok.addHeader(contact());
        withTimer(ok, timer);
        if (sdp != null) {
            ok.setContent(sdp, sdpType());
        }
        st.sendResponse(ok);
    }

    /** 422 Session Interval Too Small, with the smallest interval this gateway takes. */
    public void intervalTooSmall(ServerTransaction st, int minSeconds) throws Exception {
        Response r = messages.createResponse(422, st.getRequest());
        r.setReasonPhrase("Session Interval Too Small");
        r.addHeader(headers.createHeader("Min-SE", String.valueOf(minSeconds)));
        st.sendResponse(r);
    }

    private void withTimer(Response r, SessionTimer timer) throws java.text.ParseException {
        if (timer.seconds() > 0) {
            r.addHeader(headers.createHeader("Session-Expires", timer.header()));
            r.addHeader(headers.createRequireHeader("timer"));
        }
    }

    public void respond(ServerTransaction st, int status) {
        try {
            st.sendResponse(messages.createResponse(status, st.getRequest()));
        } catch (Exception e) {
            LOG.debugf("could not answer %d: %s", status, e.getMessage());
        }
    }

    public void respond(ServerTransaction st, int status, String reason) {
        try {
            Response r = messages.createResponse(status, st.getRequest());
            r.setReasonPhrase(reason);
            st.sendResponse(r);
        } catch (Exception e) {
            LOG.debugf("could not answer %d: %s", status, e.getMessage());
        }
    }

    /** Ends a confirmed dialog. */
    public void bye(Dialog dialog) {
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction ct = provider.getNewClientTransaction(bye);
            dialog.sendRequest(ct);
        } catch (Exception e) {
            LOG.debugf("BYE not sent: %s", e.getMessage());
        }
    }

    /** A new outbound INVITE to {@code target} (a registered contact), shown as coming from {@code fromUser}. */
    public ClientTransaction invite(String target, String fromUser, String toUser, String sdp) throws Exception {
        URI requestUri = addresses.createURI(target);
        SipURI fromUri = addresses.createSipURI(fromUser, config.sip().host());
        FromHeader from = headers.createFromHeader(addresses.createAddress(fromUri), tag());
        SipURI toUri = addresses.createSipURI(toUser, config.sip().host());
        ToHeader to = headers.createToHeader(addresses.createAddress(toUri), null);
        CallIdHeader callId = provider.getNewCallId();
        CSeqHeader cseq = headers.createCSeqHeader(1L, Request.INVITE);
        MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(70);
        String transport = target.toLowerCase().contains("transport=tcp") ? "tcp" : "udp";
        ViaHeader via = headers.createViaHeader(config.sip().host(), config.sip().port(), transport, null);
        Request invite = messages.createRequest(requestUri, Request.INVITE, callId, cseq, from, to, List.of(via), maxForwards);
        invite.addHeader(contact());
        invite.setContent(sdp, sdpType());
        ClientTransaction ct = provider.getNewClientTransaction(invite);
        ct.sendRequest();
        return ct;
    }

    public void ack(ResponseEvent e) throws Exception {
        Dialog d = e.getDialog() != null ? e.getDialog() : e.getClientTransaction().getDialog();
        long seq = ((CSeqHeader) e.getResponse().getHeader(CSeqHeader.NAME)).getSeqNumber();
        d.sendAck(d.createAck(seq));
    }

    public void cancel(ClientTransaction ct) {
        try {
            Request cancel = ct.createCancel();
            provider.getNewClientTransaction(cancel).sendRequest();
        } catch (Exception e) {
            LOG.debugf("CANCEL not sent: %s", e.getMessage());
        }
    }

    private ContactHeader contact() throws java.text.ParseException {
        SipURI uri = addresses.createSipURI("cc-voice", config.sip().host());
        uri.setPort(config.sip().port());
        Address a = addresses.createAddress(uri);
        return headers.createContactHeader(a);
    }

    private ContentTypeHeader sdpType() throws java.text.ParseException {
        return headers.createContentTypeHeader("application", "sdp");
    }

    private static String tag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}
