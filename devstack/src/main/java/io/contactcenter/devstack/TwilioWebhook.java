package io.contactcenter.devstack;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Request fixtures of a cloud voice provider's webhooks (Twilio's documented parameters) and their X-Twilio-Signature:
 * Base64(HMAC-SHA1(auth token, URL + every POST parameter's name and value, sorted by name)). Written from the
 * provider's documentation rather than with its SDK, so a test of the adapter checks the adapter against the document.
 */
public final class TwilioWebhook {

    private TwilioWebhook() {
    }

    public static String signature(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parameters the provider posts to the incoming-call webhook of {@code to}. */
    public static Map<String, String> incomingCall(String callSid, String from, String to) {
        Map<String, String> p = new TreeMap<>();
        p.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        p.put("ApiVersion", "2010-04-01");
        p.put("CallSid", callSid);
        p.put("CallStatus", "ringing");
        p.put("Called", to);
        p.put("Caller", from);
        p.put("Direction", "inbound");
        p.put("From", from);
        p.put("FromCountry", "DE");
        p.put("To", to);
        p.put("ToCountry", "DE");
        return p;
    }

    /** A later request of the same call: the common parameters plus {@code extra} (Digits, QueueResult, CallStatus…). */
    public static Map<String, String> during(Map<String, String> call, Map<String, String> extra) {
        Map<String, String> p = new TreeMap<>(call);
        p.put("CallStatus", "in-progress");
        p.putAll(extra);
        return p;
    }

    /** A CallSid of the provider's form: "CA" and 32 hex digits. */
    public static String callSid() {
        return "CA" + java.util.UUID.randomUUID().toString().replace("-", "");
    }
}
