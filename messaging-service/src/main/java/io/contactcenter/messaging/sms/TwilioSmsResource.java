package io.contactcenter.messaging.sms;

import io.contactcenter.events.phone.PhoneNumbers;
import io.contactcenter.events.twilio.TwilioRequests;
import io.contactcenter.messaging.config.MessagingConfig;
import io.contactcenter.messaging.conversation.ConversationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The Twilio-compatible SMS webhooks: incoming messages and the delivery status of ours. Every request must carry a
 * valid X-Twilio-Signature (the account's auth token signs it), which is the only authentication a provider offers.
 */
@Path("/messaging/sms/twilio")
@PermitAll
public class TwilioSmsResource {

    private static final Logger LOG = Logger.getLogger(TwilioSmsResource.class);
    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final ConversationService conversations;
    private final DeliveryStatus statuses;
    private final MessagingConfig.Sms config;

    public TwilioSmsResource(ConversationService conversations, DeliveryStatus statuses, MessagingConfig config) {
        this.conversations = conversations;
        this.statuses = statuses;
        this.config = config.sms();
    }

    /** An SMS to our number. Answered with empty TwiML: replies come from agents, later. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Uni<String> incoming(String form, @HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri) {
        Map<String, String> p = verified(form, signature, uri);
        String sid = required(p, "MessageSid", 64);
        String from = phone(required(p, "From", 32));
        String body = p.getOrDefault("Body", "");
        int media = Integer.parseInt(p.getOrDefault("NumMedia", "0").replaceAll("\\D", "").isEmpty() ? "0"
                : p.getOrDefault("NumMedia", "0").replaceAll("\\D", ""));
        if (body.isBlank() && media == 0) {
            throw new BadRequestException("Body: an empty message");
        }
        // pictures and files are not taken over SMS yet: the agent sees that some were sent
        String text = media == 0 ? body : (body.isBlank() ? "" : body + "\n") + "[" + media + " attachment(s) not shown]";
        return conversations.inboundSms(from, text, sid)
                .invoke(result -> LOG.debugf("SMS %s from %s: %s", sid, from, result))
                .replaceWith(EMPTY);
    }

    /** The provider's news about one of our messages: sent, delivered, undelivered or failed. */
    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Uni<String> status(String form, @HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri) {
        Map<String, String> p = verified(form, signature, uri);
        return statuses.update(required(p, "MessageSid", 64), required(p, "MessageStatus", 32), p.get("ErrorCode"))
                .replaceWith(EMPTY);
    }

    private Map<String, String> verified(String form, String signature, UriInfo uri) {
        String token = config.authToken().filter(t -> !t.isBlank()).orElseThrow(() -> new ServiceUnavailableException(
                "SMS is not configured: set cc.messaging.sms.auth-token."));
        return TwilioRequests.verified(token, form, signature, TwilioRequests.signedUrl(config.publicUrl(), uri.getRequestUri()),
                "cc.messaging.sms.public-url");
    }

    private static String phone(String raw) {
        try {
            return PhoneNumbers.requireE164(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("From: " + e.getMessage());
        }
    }

    private static String required(Map<String, String> p, String name, int max) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            throw new BadRequestException(name + ": required");
        }
        if (v.length() > max) {
            throw new BadRequestException(name + ": at most " + max + " characters");
        }
        return v;
    }
}
