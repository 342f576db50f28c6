package io.contactcenter.events.twilio;

import com.twilio.security.RequestValidator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Webhooks of a Twilio-compatible provider: the form body, and the X-Twilio-Signature check (the provider's own
 * validator) against the URL the provider called. Behind a proxy or ingress that URL is the public one, not the one the
 * service sees. Needs {@code com.twilio.sdk:twilio} on the service's class path (voice-gateway, messaging-service).
 */
public final class TwilioRequests {

    private TwilioRequests() {
    }

    /** The parameters of a signed request, or 403 with what to check. */
    public static Map<String, String> verified(String authToken, String form, String signature, String signedUrl,
            String setting) {
        Map<String, String> params = formParams(form);
        if (signature == null || signature.isBlank()) {
            throw new ForbiddenException("X-Twilio-Signature is missing: webhooks are accepted from the provider's account only.");
        }
        if (!new RequestValidator(authToken).validate(signedUrl, params, signature)) {
            throw new ForbiddenException("X-Twilio-Signature does not match this request (check the auth token, and "
                    + setting + " when a proxy is in front).");
        }
        return params;
    }

    /** The URL the provider signed: the public base when one is configured, else the request's own. */
    public static String signedUrl(Optional<String> publicUrl, URI request) {
        return publicUrl.map(base -> base.replaceAll("/+$", "") + request.getRawPath()
                        + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery()))
                .orElse(request.toString());
    }

    /** An application/x-www-form-urlencoded body; the first value of a repeated name (the provider repeats none). */
    public static Map<String, String> formParams(String form) {
        Map<String, String> params = new HashMap<>();
        if (form == null || form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("body: not a form (" + e.getMessage() + ")");
            }
        }
        return params;
    }
}
