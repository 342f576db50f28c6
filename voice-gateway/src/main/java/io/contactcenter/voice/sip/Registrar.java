package io.contactcenter.voice.sip;

import io.contactcenter.voice.config.VoiceConfig;
import io.contactcenter.voice.phone.Phones;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * Agents' phones register here with digest authentication (RFC 3261 §22, RFC 2617). Nonces are the time they were
 * made and an HMAC of it under a per-process key, so a nonce is checked without remembering it and a captured
 * REGISTER cannot be replayed after five minutes. The binding goes to the database, where every replica finds it.
 */
@ApplicationScoped
public class Registrar {

    private static final Logger LOG = Logger.getLogger(Registrar.class);
    private static final long NONCE_MILLIS = 5 * 60_000L;

    private final Phones phones;
    private final VoiceConfig config;
    private final MeterRegistry registry;
    private final byte[] key = new byte[32];

    public Registrar(Phones phones, VoiceConfig config, MeterRegistry registry) {
        this.phones = phones;
        this.config = config;
        this.registry = registry;
        new SecureRandom().nextBytes(key);
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
        if (!freshNonce(auth.getNonce())) {
            return challenge(request, messages, headers, true);
        }
        if (!digestMatches(auth, request.getMethod(), phone.ha1())) {
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
        h.setRealm(config.sip().realm());
        h.setNonce(nonce());
        h.setAlgorithm("MD5");
        h.setQop("auth");
        if (stale) {
            h.setStale(true);
        }
        r.addHeader(h);
        count("challenged");
        return r;
    }

    /**
     * RFC 2617 §3.2.2.1 response check, with {@code qop=auth} (HA1:nonce:nc:cnonce:qop:HA2) or without it
     * (HA1:nonce:HA2). JAIN-SIP's helper ignores nc and qop and shares one MessageDigest across threads.
     */
    static boolean digestMatches(AuthorizationHeader auth, String method, String ha1) {
        // the uri exactly as the phone wrote it (the hash is over its text, not over a re-serialised URI)
        String uri = auth.getParameter("uri") != null ? auth.getParameter("uri") : auth.getURI() == null ? null : auth.getURI().toString();
        if (auth.getResponse() == null || uri == null || auth.getNonce() == null) {
            return false;
        }
        String ha2 = io.contactcenter.voice.phone.Phones.md5(method + ":" + uri);
        String qop = auth.getQop();
        String expected;
        if (qop != null && qop.equalsIgnoreCase("auth")) {
            String nc = auth.getNonceCount() < 0 ? null : String.format("%08x", auth.getNonceCount());
            if (nc == null || auth.getCNonce() == null) {
                return false;
            }
            expected = io.contactcenter.voice.phone.Phones.md5(ha1 + ":" + auth.getNonce() + ":" + nc + ":" + auth.getCNonce() + ":"
                    + qop + ":" + ha2);
        } else if (qop == null) {
            expected = io.contactcenter.voice.phone.Phones.md5(ha1 + ":" + auth.getNonce() + ":" + ha2);
        } else {
            return false; // auth-int is not offered
        }
        return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.getResponse().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    String nonce() {
        String time = Long.toString(System.currentTimeMillis(), 36);
        return time + "." + mac(time);
    }

    boolean freshNonce(String nonce) {
        if (nonce == null) {
            return false;
        }
        int dot = nonce.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String time = nonce.substring(0, dot);
        if (!java.security.MessageDigest.isEqual(mac(time).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            long at = Long.parseLong(time, 36);
            return System.currentTimeMillis() - at < NONCE_MILLIS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String result) {
        registry.counter("cc_voice_registrations_total", "result", result).increment();
    }
}
