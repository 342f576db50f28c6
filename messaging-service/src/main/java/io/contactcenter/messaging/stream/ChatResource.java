package io.contactcenter.messaging.stream;

import io.contactcenter.events.phone.PhoneNumbers;
import io.contactcenter.messaging.conversation.CallbackAsk;
import io.contactcenter.messaging.conversation.ChatStart;
import io.contactcenter.messaging.conversation.ChatStarted;
import io.contactcenter.messaging.conversation.ConversationService;
import io.contactcenter.messaging.conversation.MessageRequest;
import io.contactcenter.messaging.conversation.MessageView;
import io.contactcenter.messaging.conversation.StatusView;
import io.contactcenter.messaging.conversation.TypingRequest;
import io.contactcenter.messaging.conversation.Transcripts;
import io.contactcenter.messaging.email.MailSender;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The customer's side of a web chat, called by the widget from the business's own site (CORS). No account: starting
 * a chat returns a secret that every later call sends as {@code X-Chat-Token}.
 */
@Path("/messaging/chat/conversations")
@PermitAll
public class ChatResource {

    static final String TOKEN = "X-Chat-Token";
    private static final int HISTORY = 500;

    private final ConversationService conversations;
    private final Hub hub;
    private final MailSender mails;

    public ChatResource(ConversationService conversations, Hub hub, MailSender mails) {
        this.conversations = conversations;
        this.hub = hub;
        this.mails = mails;
    }

    /** The pre-chat form: starts the chat and queues it. 201 with the id and the customer's token. */
    @POST
    @Operation(summary = "Start a web chat (pre-chat form)")
    public Uni<RestResponse<ChatStarted>> start(@Valid @NotNull ChatStart form) {
        if ((form.email() == null || form.email().isBlank()) && (form.phone() == null || form.phone().isBlank())) {
            throw new BadRequestException("Give an e-mail address or a phone number, so we can reach you and know you.");
        }
        String phone = form.phone() == null || form.phone().isBlank() ? null : e164("phone", form.phone());
        return conversations.startChat(form, phone).map(started -> RestResponse.ResponseBuilder
                .<ChatStarted>created(URI.create("/messaging/chat/conversations/" + started.conversationId()))
                .entity(started).build());
    }

    /** Where the chat stands and its messages. */
    @GET
    @Path("/{id}")
    public Uni<ChatView> get(@PathParam("id") String id, @HeaderParam(TOKEN) String token) {
        return conversations.forCustomer(id, token).chain(c -> conversations.messages(c.id(), 0, HISTORY)
                .map(m -> new ChatView(StatusView.of(c), m.stream().map(MessageView::of).toList())));
    }

    /**
     * Server-Sent Events: the status, the messages after {@code after} (a reconnecting widget sends the last seq it
     * has), then everything live: messages, status, the agent typing, and a ping every 15 s.
     */
    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<StreamEvent> stream(@PathParam("id") String id, @HeaderParam(TOKEN) String token,
            @QueryParam("after") @Min(0) Long after) {
        return Multi.createFrom().uni(conversations.forCustomer(id, token)).onItem().transformToMultiAndConcatenate(c -> {
            Multi<StreamEvent> catchUp = conversations.messages(c.id(), after == null ? 0 : after, HISTORY)
                    .invoke(list -> hub.sentUpTo(c.id(), list.isEmpty() ? (after == null ? 0 : after) : list.get(list.size() - 1).seq()))
                    .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                    .map(m -> StreamEvent.message(MessageView.of(m)));
            return Multi.createBy().merging().streams(
                    Multi.createBy().concatenating().streams(Multi.createFrom().item(StreamEvent.status(StatusView.of(c))),
                            catchUp),
                    hub.conversation(c.id()),
                    Multi.createFrom().ticks().startingAfter(Duration.ofSeconds(15)).every(Duration.ofSeconds(15)).map(t -> StreamEvent.PING));
        });
    }

    @POST
    @Path("/{id}/messages")
    public Uni<RestResponse<MessageView>> post(@PathParam("id") String id, @HeaderParam(TOKEN) String token,
            @Valid @NotNull MessageRequest message) {
        return conversations.customerWrites(id, token, message)
                .map(w -> RestResponse.status(RestResponse.Status.CREATED, MessageView.of(w.message())));
    }

    @POST
    @Path("/{id}/typing")
    public Uni<RestResponse<Void>> typing(@PathParam("id") String id, @HeaderParam(TOKEN) String token,
            @NotNull TypingRequest typing) {
        return conversations.forCustomer(id, token)
                .chain(c -> conversations.typing(c, "customer", typing.typing()))
                .map(v -> RestResponse.noContent());
    }

    /** The customer ends the chat. */
    @POST
    @Path("/{id}/leave")
    public Uni<StatusView> leave(@PathParam("id") String id, @HeaderParam(TOKEN) String token) {
        return conversations.customerLeaves(id, token).map(StatusView::of);
    }

    /** "Call me instead": a callback to this number (E.164, or national with the widget's region) now or in a window. */
    @POST
    @Path("/{id}/callback")
    public Uni<RestResponse<MessageView>> callback(@PathParam("id") String id, @HeaderParam(TOKEN) String token,
            @Valid @NotNull CallbackAsk ask) {
        String phone = e164("phone", ask.phone());
        return conversations.forCustomer(id, token)
                .chain(c -> conversations.customerAsksCallback(c, phone, ask))
                .map(w -> RestResponse.status(RestResponse.Status.CREATED, MessageView.of(w.message())));
    }

    /** A number in E.164, or 400 naming the field: both chat resources take numbers from people typing them. */
    static String e164(String field, String phone) {
        try {
            return PhoneNumbers.requireE164(phone);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field + ": " + e.getMessage());
        }
    }

    /** Mails the chat's transcript to the customer's address from the pre-chat form, or to {@code email}. */
    @POST
    @Path("/{id}/transcript")
    public Uni<RestResponse<MessageView>> transcript(@PathParam("id") String id, @HeaderParam(TOKEN) String token,
            @Valid TranscriptRequest request) {
        return conversations.forCustomer(id, token).chain(c -> {
            String to = request != null && request.email() != null ? request.email() : c.email();
            if (to == null) {
                throw new BadRequestException("Give the e-mail address to send the transcript to.");
            }
            return conversations.messages(c.id(), 0, HISTORY).chain(messages -> mails.sendOnce(to,
                            "Your chat with us", Transcripts.text(c, messages)))
                    .chain(() -> conversations.note(c.id(), "Transcript sent to " + to + "."));
        }).map(w -> RestResponse.status(RestResponse.Status.CREATED, MessageView.of(w.message())));
    }

    /** Where to mail a transcript; default: the address the customer gave. */
    public record TranscriptRequest(@jakarta.validation.constraints.Email(message = "must be an e-mail address")
            @jakarta.validation.constraints.Size(max = 320) String email) {
    }

    /** What the widget shows after a reload. */
    public record ChatView(StatusView status, List<MessageView> messages) {
    }
}
