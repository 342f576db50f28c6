package io.contactcenter.voice.twilio;

import io.contactcenter.events.twilio.TwilioRequests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.voice.call.Edge;
import io.contactcenter.voice.config.VoiceConfig;
import io.contactcenter.voice.media.Recording;
import io.contactcenter.voice.prompt.PromptStore;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A cloud voice provider as the telephony edge (Twilio's webhooks, or any provider speaking them): the incoming-call
 * webhook starts the IVR for the dialled number and answers TwiML rendered from its actions; each later request of the
 * call (keys or speech, a timeout, prompts played, the wait in the queue, the agent's leg ending, a voicemail, the
 * call's status) is posted to the IVR as the matching event. Every request must carry a valid X-Twilio-Signature; the
 * provider cannot send our bearer tokens, so the signature is the authentication.
 *
 * <p>Agents are reached by the provider: while the caller waits in {@code Enqueue}, an agent accepts the offer at the
 * desk; the next wait request answers {@code Leave}, and the Enqueue's action request answers the {@code Dial} to the
 * agent's client or SIP address.
 */
@Path("/voice/twilio")
@PermitAll
public class TwilioResource {

    private static final Logger LOG = Logger.getLogger(TwilioResource.class);
    private static final String XML = MediaType.APPLICATION_XML;
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;
    private static final Set<String> ENDED = Set.of("completed", "busy", "failed", "no-answer", "canceled");

    private final Edge edge;
    private final TwilioCalls calls;
    private final VoiceConfig config;
    private final PromptStore prompts;
    private final ObjectMapper json;
    private final Twiml twiml;

    public TwilioResource(Edge edge, TwilioCalls calls, VoiceConfig config, PromptStore prompts, ObjectMapper json) {
        this.edge = edge;
        this.calls = calls;
        this.config = config;
        this.prompts = prompts;
        this.json = json;
        this.twiml = new Twiml(config.twilio().publicUrl().map(u -> u.replaceAll("/+$", "")).orElse("") + "/voice/twilio",
                config.twilio().agentAddress());
    }

    /** The incoming-call webhook: the IVR bound to {@code To} takes the call. */
    @POST
    @Path("/calls")
    @Consumes(FORM)
    @Produces(XML)
    public Uni<String> incoming(String form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, String> p = verified(form, signature, uri);
        String sid = required(p, "CallSid");
        String to = required(p, "To");
        return edge.start(sid, p.getOrDefault("From", "anonymous"), to)
                .chain(turn -> calls.start(sid, p.get("AccountSid"), turn.path("sessionId").asText(), turn.path("contactId").asText(null),
                        turn.path("state").asText("IVR")).map(fresh -> twiml.turn(turn)))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("provider call %s to %s: the IVR did not take it (%s)", sid, to, e.getMessage());
                    return Twiml.sorry();
                });
    }

    /** A Gather's result: the keys pressed, or what was said. */
    @POST
    @Path("/gather")
    @Consumes(FORM)
    @Produces(XML)
    public Uni<String> gather(String form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, String> p = verified(form, signature, uri);
        Map<String, Object> event = new LinkedHashMap<>();
        if (p.get("SpeechResult") != null && !p.get("SpeechResult").isBlank()) {
            event.put("type", "speech");
            Map<String, Object> speech = new LinkedHashMap<>();
            speech.put("text", p.get("SpeechResult"));
            speech.put("confidence", confidence(p.get("Confidence")));
            event.put("speech", speech);
        } else if (p.get("Digits") != null && !p.get("Digits").isEmpty()) {
            event.put("type", "digits");
            event.put("digits", p.get("Digits"));
        } else {
            event.put("type", "timeout");
        }
        return turn(p, event, twiml::turn);
    }

    /** The Gather ended without input. */
    @POST
    @Path("/timeout")
    @Consumes(FORM)
    @Produces(XML)
    public Uni<String> timeout(String form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        return turn(verified(form, signature, uri), Map.of("type", "timeout"), twiml::turn);
    }

    /** The turn's prompts were played. */
    @POST
    @Path("/next")
    @Consumes(FORM)
    @Produces(XML)
    public Uni<String> next(String form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        return turn(verified(form, signature, uri), Map.of("type", "played"), twiml::turn);
    }

    /** The Enqueue's wait document, fetched again each time the last one has played out. */
    @POST
    @Path("/wait")
    @Consumes(FORM)
    @Produces(XML)
    public Uni<String> waiting(String form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, String> p = verified(form, signature, uri);
        return turn(p, Map.of("type", "played"), twiml::waiting);
    }

    /** The caller left the queue: {@code leave} (we told it to: the turn kept then), or hung up while waiting. */
    @POST
    @Path("/queue-result")
    @Consumes(FORM)
    @Produces(XML)
    public Uni<String> queueResult(String form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, String> p = verified(form, signature, uri);
        String result = p.getOrDefault("QueueResult", "");
        return call(p).chain(call -> {
            if ("leave".equals(result) && call.pendingTurn() != null) {
                JsonNode turn = parse(call.pendingTurn());
                return calls.turned(call.callSid(), turn.path("state").asText(call.state()), null).map(x -> twiml.turn(turn));
            }
            if ("hangup".equals(result)) {
                return hangup(call).map(x -> Twiml.empty());
            }
            return post(call, Map.of("type", "played")).map(twiml::turn); // redirected, error: carry on as the IVR says
        });
    }

    /** The Dial to the agent (or a transfer) ended: the agent's part is over, the IVR goes on (e.g. a survey). */
    @POST
    @Path("/dial-result")
    @Consumes(FORM)
    @Produces(XML)
    public Uni<String> dialResult(String form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, String> p = verified(form, signature, uri);
        return call(p).chain(call -> {
            Uni<Void> completed = completeIfConnected(call);
            Uni<JsonNode> next = completed.chain(() -> post(call, Map.of("type", "agent-ended")));
            return next.map(twiml::turn);
        });
    }

    /** A voicemail the provider recorded: attached to the contact's CRM interaction, then the IVR goes on. */
    @POST
    @Path("/recorded")
    @Consumes(FORM)
    @Produces(XML)
    public Uni<String> recorded(String form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, String> p = verified(form, signature, uri);
        return call(p).chain(call -> {
            Uni<JsonNode> attached = Uni.createFrom().nullItem();
            String url = p.get("RecordingUrl");
            if (url != null && url.startsWith("https://") && call.contactId() != null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("uri", url);
                body.put("mediaType", "audio/wav");
                body.put("durationSeconds", seconds(p.get("RecordingDuration")));
                body.put("recordedAt", Instant.now().toString());
                body.put("interactionId", call.contactId());
                body.put("metadata", Map.of("callId", call.callSid(), "kind", "voicemail",
                        "recordingSid", p.getOrDefault("RecordingSid", "")));
                attached = edge.attachRecording(body).onFailure().invoke(e -> LOG.warnf("voicemail of %s not attached: %s",
                        call.callSid(), e.getMessage())).onFailure().recoverWithNull();
            }
            Uni<JsonNode> next = attached.chain(() -> post(call, Map.of("type", "played")));
            return next.map(twiml::turn);
        });
    }

    /** The call's status callback: a call that ended (hung up, busy, failed, unanswered) ends its IVR session once. */
    @POST
    @Path("/status")
    @Consumes(FORM)
    @Produces(XML)
    public Uni<String> status(String form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, String> p = verified(form, signature, uri);
        if (!ENDED.contains(p.getOrDefault("CallStatus", ""))) {
            return Uni.createFrom().item(Twiml.empty());
        }
        return call(p).chain(this::hangup).map(x -> Twiml.empty());
    }

    /** Prompts as audio the provider fetches for {@code Play}: 8 kHz 16-bit WAV; hold music when the name is unknown. */
    @GET
    @Path("/prompts/{name}")
    @Produces("audio/wav")
    @Blocking
    public byte[] prompt(@PathParam("name") String name) {
        enabled();
        return Recording.Wav.write(prompts.clip(name).pcm(), 1);
    }

    // ------------------------------------------------------------------------------------------------------------

    private Uni<String> turn(Map<String, String> p, Map<String, Object> event, Function<JsonNode, String> render) {
        return call(p).chain(call -> post(call, event)).map(render);
    }

    /** Posts {@code event} to the call's IVR session and keeps the state it answers (and a turn that leaves the queue). */
    private Uni<JsonNode> post(TwilioCalls.Call call, Map<String, Object> event) {
        return edge.event(call.sessionId(), event).call(turn -> calls.turned(call.callSid(), turn.path("state").asText(call.state()),
                "QUEUED".equals(call.state()) && Twiml.leavesQueue(turn) ? turn.toString() : null));
    }

    private Uni<Void> hangup(TwilioCalls.Call call) {
        return calls.ended(call.callSid()).chain(first -> {
            if (!first || "ENDED".equals(call.state())) {
                return Uni.createFrom().voidItem();
            }
            Uni<Void> completed = completeIfConnected(call);
            return completed.chain(() -> edge.event(call.sessionId(), Map.of("type", "hangup")))
                    .onFailure().invoke(e -> LOG.warnf("hang-up of %s not taken by the IVR: %s", call.callSid(), e.getMessage()))
                    .onFailure().recoverWithNull().replaceWithVoid();
        });
    }

    /** A call connected to an agent ends its contact in routing (wrap-up); already ended there is fine. */
    private Uni<Void> completeIfConnected(TwilioCalls.Call call) {
        return "CONNECTED".equals(call.state()) && call.contactId() != null
                ? edge.complete(call.contactId()).onFailure().recoverWithNull()
                : Uni.createFrom().voidItem();
    }

    private Uni<TwilioCalls.Call> call(Map<String, String> p) {
        String sid = required(p, "CallSid");
        return calls.find(sid).onItem().ifNull().failWith(() -> new NotFoundException("No call '" + sid + "' came in here."));
    }

    /** The request's parameters, once its signature proves it came from the account holding the auth token. */
    private Map<String, String> verified(String form, String signature, UriInfo uri) {
        return TwilioRequests.verified(enabled(), form, signature,
                TwilioRequests.signedUrl(config.twilio().publicUrl(), uri.getRequestUri()), "cc.voice.twilio.public-url");
    }

    private String enabled() {
        return config.twilio().authToken().filter(t -> !t.isBlank()).orElseThrow(() -> new ServiceUnavailableException(
                "The cloud-voice adapter is not configured: set cc.voice.twilio.auth-token."));
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            throw new BadRequestException(name + ": required");
        }
        if (v.length() > 128) {
            throw new BadRequestException(name + ": at most 128 characters");
        }
        return v;
    }

    private JsonNode parse(String turn) {
        try {
            return json.readTree(turn);
        } catch (java.io.IOException e) {
            throw new ClientErrorException("The kept turn of this call is unreadable.", 409);
        }
    }

    private static Double confidence(String value) {
        try {
            return value == null ? null : Math.max(0, Math.min(1, Double.parseDouble(value)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double seconds(String value) {
        try {
            return value == null ? null : Math.max(0, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
