package io.contactcenter.voice.sip;

import io.contactcenter.voice.config.VoiceConfig;
import io.contactcenter.voice.phone.Phones;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;

/**
 * SIP digest authentication (RFC 3261 §22, RFC 2617), for phones' REGISTERs and trunks' INVITEs. Nonces are the time
 * they were made and an HMAC of it under a key (the replicas' shared {@code nonce-secret}, else one per process), so a
 * nonce is checked without remembering it, by whichever replica a SIP proxy sends the answer to, and a captured request
 * cannot be replayed after five minutes.
 */
@ApplicationScoped
public class Digest {

    private static final long NONCE_MILLIS = 5 * 60_000L;

    private final VoiceConfig config;
    private final byte[] key = new byte[32];

    public Digest(VoiceConfig config) {
        this.config = config;
        config.sip().nonceSecret().filter(secret -> !secret.isBlank()).ifPresentOrElse(
                secret -> System.arraycopy(sha256(secret), 0, key, 0, key.length), () -> new SecureRandom().nextBytes(key));
    }

    /** Fills a challenge (WWW-Authenticate for phones, Proxy-Authenticate for trunks). */
    public void challenge(WWWAuthenticateHeader h, boolean stale) throws java.text.ParseException {
        h.setRealm(config.sip().realm());
        h.setNonce(nonce());
        h.setAlgorithm("MD5");
        h.setQop("auth");
        if (stale) {
            h.setStale(true);
        }
    }

    /**
     * RFC 2617 §3.2.2.1 response check, with {@code qop=auth} (HA1:nonce:nc:cnonce:qop:HA2) or without it
     * (HA1:nonce:HA2). JAIN-SIP's helper ignores nc and qop and shares one MessageDigest across threads.
     */
    public static boolean matches(AuthorizationHeader auth, String method, String ha1) {
        // the uri exactly as the phone wrote it (the hash is over its text, not over a re-serialised URI)
        String uri = auth.getParameter("uri") != null ? auth.getParameter("uri") : auth.getURI() == null ? null : auth.getURI().toString();
        if (auth.getResponse() == null || uri == null || auth.getNonce() == null) {
            return false;
        }
        String ha2 = Phones.md5(method + ":" + uri);
        String qop = auth.getQop();
        String expected;
        if (qop != null && qop.equalsIgnoreCase("auth")) {
            String nc = auth.getNonceCount() < 0 ? null : String.format("%08x", auth.getNonceCount());
            if (nc == null || auth.getCNonce() == null) {
                return false;
            }
            expected = Phones.md5(ha1 + ":" + auth.getNonce() + ":" + nc + ":" + auth.getCNonce() + ":"
                    + qop + ":" + ha2);
        } else if (qop == null) {
            expected = Phones.md5(ha1 + ":" + auth.getNonce() + ":" + ha2);
        } else {
            return false; // auth-int is not offered
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.getResponse().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    public String nonce() {
        String time = Long.toString(System.currentTimeMillis(), 36);
        return time + "." + mac(time);
    }

    public boolean fresh(String nonce) {
        if (nonce == null) {
            return false;
        }
        int dot = nonce.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String time = nonce.substring(0, dot);
        if (!MessageDigest.isEqual(mac(time).getBytes(StandardCharsets.US_ASCII),
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

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
