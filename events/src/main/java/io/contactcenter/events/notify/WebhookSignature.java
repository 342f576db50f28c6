package io.contactcenter.events.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the way the large webhook senders do: HMAC-SHA256 over {@code <timestamp>.<body>} with a
 * shared secret, sent as {@code X-CC-Timestamp: <unix seconds>} and {@code X-CC-Signature: v1=<hex>}. A receiver
 * recomputes it over the raw body, compares in constant time, and refuses timestamps older than a few minutes
 * (replays).
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-CC-Timestamp";
    public static final String SIGNATURE_HEADER = "X-CC-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** What a receiver does: true when {@code signature} matches and the timestamp is within {@code toleranceSeconds}. */
    public static boolean verify(String secret, String timestamp, String body, String signature, long nowSeconds,
            long toleranceSeconds) {
        long at;
        try {
            at = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - at) > toleranceSeconds || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, at, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
