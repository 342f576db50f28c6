package io.contactcenter.messaging.stream;

import io.contactcenter.events.security.Roles;
import io.contactcenter.messaging.conversation.ConversationService;
import io.contactcenter.messaging.conversation.ConversationView;
import io.contactcenter.messaging.conversation.MessageRequest;
import io.contactcenter.messaging.conversation.MessageView;
import io.contactcenter.messaging.conversation.OutboundStart;
import io.contactcenter.messaging.conversation.TypingRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The agent's side: the conversations routing gave them (accepted like any offer, within their chat capacity), their
 * messages, and one stream for all of them.
 */
@Path("/messaging")
public class AgentChatResource {

    private final ConversationService conversations;
    private final Hub hub;
    private final SecurityIdentity identity;

    public AgentChatResource(ConversationService conversations, Hub hub, SecurityIdentity identity) {
        this.conversations = conversations;
        this.hub = hub;
        this.identity = identity;
    }

    /**
     * Starts a conversation by SMS: the IVR deflecting a caller ("we'll text you"), or an agent or supervisor texting a
     * customer. It enters routing with the given context; its first message leaves within the sending hours.
     */
    @POST
    @Path("/conversations")
    @RolesAllowed({"service", "agent", "supervisor", "admin"})
    public Uni<RestResponse<ConversationView>> startOutbound(@Valid @NotNull OutboundStart start) {
        return conversations.startOutbound(start, ChatResource.e164("phone", start.phone()), identity.getPrincipal().getName())
                .map(c -> RestResponse.status(RestResponse.Status.CREATED, c));
    }

    /** The agent's open conversations. */
    @GET
    @Path("/agents/{agentId}/conversations")
    @RolesAllowed({"agent", "supervisor", "admin"})
    public Uni<List<ConversationView>> assigned(@PathParam("agentId") String agentId) {
        Roles.requireOwn(identity, agentId, "conversations");
        return conversations.assignedTo(agentId);
    }

    /**
     * Server-Sent Events: the agent's open conversations ({@code conversation}), then every message, status change and
     * customer typing in them, and whenever a conversation is assigned to or taken from the agent.
     */
    @GET
    @Path("/agents/{agentId}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({"agent", "supervisor", "admin"})
    public Multi<StreamEvent> stream(@PathParam("agentId") String agentId) {
        Roles.requireOwn(identity, agentId, "conversations");
        return Multi.createBy().merging().streams(
                conversations.assignedTo(agentId).onItem().transformToMulti(l -> Multi.createFrom().iterable(l))
                        .map(StreamEvent::conversation),
                hub.agent(agentId),
                Multi.createFrom().ticks().startingAfter(Duration.ofSeconds(15)).every(Duration.ofSeconds(15)).map(t -> StreamEvent.PING));
    }

    /** A conversation with its last {@code messages} messages. */
    @GET
    @Path("/conversations/{id}")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<ConversationView> get(@PathParam("id") String id,
            @QueryParam("messages") @DefaultValue("100") @Min(0) @Max(1000) int messages) {
        return conversations.view(id, messages).invoke(c -> {
            if (Roles.agentOnly(identity)) {
                Roles.requireOwn(identity, c.agentId(), "conversations");
            }
        });
    }

    /** Messages after {@code after}, oldest first. */
    @GET
    @Path("/conversations/{id}/messages")
    @RolesAllowed({"agent", "supervisor", "admin", "service"})
    public Uni<List<MessageView>> messages(@PathParam("id") String id,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return get(id, 0).chain(c -> conversations.messages(id, after, limit))
                .map(list -> list.stream().map(MessageView::of).toList());
    }

    /** The assigned agent writes. 409 for anyone else, or once the conversation is closed. */
    @POST
    @Path("/conversations/{id}/messages")
    @RolesAllowed("agent")
    public Uni<RestResponse<MessageView>> post(@PathParam("id") String id, @Valid @NotNull MessageRequest message) {
        return conversations.agentWrites(id, identity.getPrincipal().getName(), message)
                .map(w -> RestResponse.status(RestResponse.Status.CREATED, MessageView.of(w.message())));
    }

    @POST
    @Path("/conversations/{id}/typing")
    @RolesAllowed("agent")
    public Uni<RestResponse<Void>> typing(@PathParam("id") String id, @NotNull TypingRequest typing) {
        return conversations.agentConversation(id, identity.getPrincipal().getName())
                .chain(c -> conversations.typing(c, "agent", typing.typing()))
                .map(v -> RestResponse.noContent());
    }
}
