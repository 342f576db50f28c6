package io.contactcenter.voice.sip;

import io.contactcenter.voice.config.VoiceConfig;
import io.contactcenter.voice.phone.Phones;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Agents' phones register here with digest authentication ({@link Digest}). The binding goes to the database, where
 * every replica finds it.
 */
@ApplicationScoped
public class Registrar {

    private static final Logger LOG = Logger.getLogger(Registrar.class);

    private final Phones phones;
    private final VoiceConfig config;
    private final MeterRegistry registry;
    private final Digest digest;

    public Registrar(Phones phones, VoiceConfig config, MeterRegistry registry, Digest digest) {
        this.phones = phones;
        this.config = config;
        this.registry = registry;
        this.digest = digest;
    }

    /** The response to a REGISTER: 401 with a challenge, 403, or 200 with the binding. */
    public Response register(Request request, String source, MessageFactory messages, HeaderFactory headers) throws Exception {
        AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (auth == null) {
            return challenge(request, messages, headers, false);
        }
        Phones.Credentials phone = phones.byUsername(auth.getUsername());
        if (phone == null || !config.sip().realm().equals(auth.getRealm())) {
            count("unknown-user");
            return messages.createResponse(Response.FORBIDDEN, request);
        }
        if (!digest.fresh(auth.getNonce())) {
            return challenge(request, messages, headers, true);
        }
        if (!Digest.matches(auth, request.getMethod(), phone.ha1())) {
            count("bad-password");
            LOG.infof("REGISTER of %s from %s: wrong password", auth.getUsername(), source);
            return messages.createResponse(Response.FORBIDDEN, request);
        }
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        ExpiresHeader expiresHeader = request.getExpires();
        int expires = contact != null && contact.getExpires() >= 0 ? contact.getExpires()
                : expiresHeader != null ? expiresHeader.getExpires() : 3600;
        expires = Math.min(expires, config.sip().maxRegistrationSeconds());
        if (contact == null) {
            // a query of the bindings: answer with none rather than refuse
            count("query");
            return messages.createResponse(Response.OK, request);
        }
        if (contact.isWildCard()) {
            expires = 0;
        }
        String uri = contact.getAddress().getURI().toString();
        phones.register(phone.agentId(), uri, source, expires);
        count(expires == 0 ? "unregistered" : "registered");
        Response ok = messages.createResponse(Response.OK, request);
        if (expires > 0) {
            ContactHeader bound = (ContactHeader) contact.clone();
            bound.setExpires(expires);
            ok.addHeader(bound);
        }
        ok.addHeader(headers.createExpiresHeader(expires));
        return ok;
    }

    private Response challenge(Request request, MessageFactory messages, HeaderFactory headers, boolean stale) throws Exception {
        Response r = messages.createResponse(Response.UNAUTHORIZED, request);
        WWWAuthenticateHeader h = headers.createWWWAuthenticateHeader("Digest");
        digest.challenge(h, stale);
        r.addHeader(h);
        count("challenged");
        return r;
    }

    private void count(String result) {
        registry.counter("cc_voice_registrations_total", "result", result).increment();
    }
}
