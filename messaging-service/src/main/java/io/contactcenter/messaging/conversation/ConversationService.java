package io.contactcenter.messaging.conversation;

import io.contactcenter.events.Channel;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Ids;
import io.contactcenter.events.messaging.ConversationClosed;
import io.contactcenter.events.messaging.ConversationMessage;
import io.contactcenter.events.messaging.ConversationOpened;
import io.contactcenter.events.messaging.OptOutChanged;
import io.contactcenter.events.outbox.Outbox;
import io.contactcenter.events.routing.CancelCommand;
import io.contactcenter.events.routing.EnqueueCommand;
import io.contactcenter.messaging.config.MessagingConfig;
import io.contactcenter.messaging.conversation.ConversationRow.Status;
import io.contactcenter.messaging.edge.Peers;
import io.contactcenter.messaging.stream.Notices;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations and their messages. Every change locks its conversation, so messages get gap-free sequence numbers
 * in the order they were accepted; the change and its events ({@code cc.messaging}, routing commands) commit together,
 * and the streams hear of it once it committed ({@link Notices}).
 */
@ApplicationScoped
public class ConversationService {

    /** A message stored, and the conversation after it. */
    public record Written(ConversationRow conversation, MessageRow message) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final ConversationRepository repo;
    private final Outbox outbox;
    private final Peers peers;
    private final MessagingConfig config;
    private final Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Notices notices;

    public ConversationService(Pool pool, ConversationRepository repo, Outbox outbox, Peers peers,
            MessagingConfig config, Clock clock, com.fasterxml.jackson.databind.ObjectMapper json, Notices notices) {
        this.pool = pool;
        this.repo = repo;
        this.outbox = outbox;
        this.peers = peers;
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.notices = notices;
    }

    // ------------------------------------------------------------------ customers (web chat)

    /** Opens a web chat from the pre-chat form: the CRM is asked who this is, then routing gets the contact. */
    public Uni<ChatStarted> startChat(ChatStart form, String phoneE164) {
        String queue = form.queue() == null ? config.chat().defaultQueue() : form.queue();
        List<String> allowed = config.chat().queues().orElse(List.of());
        if (!queue.equals(config.chat().defaultQueue()) && !allowed.contains(queue)) {
            throw new ClientErrorException("Queue '" + queue + "' takes no chats; this site may name: "
                    + String.join(", ", allowedQueues()) + ".", 400);
        }
        String email = form.email() == null || form.email().isBlank() ? null : form.email().trim().toLowerCase();
        String token = newToken();
        return peers.identify(email, phoneE164).chain(customer -> {
            Instant now = clock.instant();
            ConversationRow c = new ConversationRow(Ids.newId(), Channel.CHAT, Status.QUEUED, hash(token),
                    customer.map(Peers.Customer::customerId).orElse(null), form.name().trim(), email, phoneE164, queue,
                    Ids.newId(), 1, null, null, form.subject(), null, null, now, null, now, null, null, null, 0);
            return notices.transaction(tx -> create(tx, c, customer, Map.of(), null)
                    .chain(() -> form.text() == null || form.text().isBlank() ? Uni.createFrom().item(c)
                            : write(tx, c, "IN", c.customerLabel(), form.text(), form.clientId())
                                    .map(Written::conversation)))
                    .map(saved -> new ChatStarted(saved.id(), token, StatusView.of(saved)));
        });
    }

    /** Stores a new conversation and hands it to routing; VIP customers get priority. */
    private Uni<Void> create(SqlClient tx, ConversationRow c, Optional<Peers.Customer> customer,
            Map<String, String> context, String parentContactId) {
        Map<String, String> attributes = new LinkedHashMap<>(context);
        attributes.putAll(attributes(c));
        customer.map(Peers.Customer::segment).ifPresent(s -> attributes.put("segment", s));
        int priority = customer.map(Peers.Customer::segment).filter("VIP"::equals).isPresent() ? 10 : 0;
        return repo.insert(tx, c).chain(() -> opened(tx, c, false, attributes, priority, parentContactId));
    }

    // ------------------------------------------------------------------ SMS

    /** What an inbound SMS did. */
    public enum Inbound { MESSAGE, DUPLICATE, OPTED_OUT, OPTED_IN }

    /**
     * An SMS from {@code phone}: an opt-out or opt-in keyword is recorded (and announced for the CRM); anything else joins
     * the customer's open SMS conversation, reopens one closed within the reopen window, or starts a new one.
     * {@code providerId} makes a webhook the provider repeats count once.
     */
    public Uni<Inbound> inboundSms(String phone, String text, String providerId) {
        String keyword = text.strip().toUpperCase(java.util.Locale.ROOT);
        boolean optOut = config.sms().optOutKeywords().contains(keyword);
        if (optOut || config.sms().optInKeywords().contains(keyword)) {
            Instant now = clock.instant();
            return notices.transaction(tx -> repo.lockAddress(tx, phone)
                    .chain(() -> repo.setOptOut(tx, Channel.SMS.name(), phone, optOut, keyword, now))
                    .chain(changed -> !changed ? Uni.createFrom().voidItem()
                            : outbox.publish(tx, EventTypes.CONVERSATION_OPT_OUT_CHANGED, phone,
                                    new OptOutChanged(Channel.SMS, phone, optOut, keyword, now))
                                    .chain(() -> repo.lockLatestSms(tx, phone))
                                    .chain(c -> c == null || c.closed() ? Uni.createFrom().voidItem()
                                            : write(tx, c, "SYSTEM", null, optOut
                                                    ? "The customer opted out of SMS (" + keyword + "): nothing more is sent."
                                                    : "The customer allowed SMS again (" + keyword + ").", providerId)
                                                    .replaceWithVoid())))
                    .replaceWith(optOut ? Inbound.OPTED_OUT : Inbound.OPTED_IN);
        }
        return peers.identify(null, phone).chain(customer -> notices.transaction(tx -> repo.lockAddress(tx, phone)
                .chain(() -> repo.lockLatestSms(tx, phone))
                .chain(latest -> {
                    Instant now = clock.instant();
                    if (latest != null && !latest.closed()) {
                        return appendInbound(tx, latest, text, providerId);
                    }
                    if (latest != null && latest.closedAt().isAfter(now.minus(config.reopenWindow()))) {
                        return repo.messageByClientId(tx, latest.id(), providerId).chain(seen -> seen != null
                                ? Uni.createFrom().item(Inbound.DUPLICATE)
                                : reopen(tx, latest).chain(open -> write(tx, open, "IN", open.customerLabel(), text,
                                        providerId)).replaceWith(Inbound.MESSAGE));
                    }
                    ConversationRow c = new ConversationRow(Ids.newId(), Channel.SMS, Status.QUEUED, null,
                            customer.map(Peers.Customer::customerId).orElse(null),
                            customer.map(Peers.Customer::displayName).orElse(null), null, phone, config.sms().queue(),
                            Ids.newId(), 1, null, null, null, null, null, now, null, now, null, null, null, 0);
                    return create(tx, c, customer, Map.of(), null)
                            .chain(() -> write(tx, c, "IN", c.customerLabel(), text, providerId))
                            .replaceWith(Inbound.MESSAGE);
                })));
    }

    private Uni<Inbound> appendInbound(SqlClient tx, ConversationRow c, String text, String providerId) {
        return repo.messageByClientId(tx, c.id(), providerId).chain(seen -> seen != null
                ? Uni.createFrom().item(Inbound.DUPLICATE)
                : write(tx, c, "IN", c.customerLabel(), text, providerId).replaceWith(Inbound.MESSAGE));
    }

    // ------------------------------------------------------------------ e-mail

    /** A mail taken from the mailbox: its Message-ID, the IDs it answers (nearest first), sender, subject and new text. */
    public record InboundMail(String messageId, List<String> references, String from, String fromName, String subject,
            String text) {
    }

    /**
     * A mail from a customer joins the conversation its In-Reply-To / References name (reopened if it closed within the
     * reopen window), else starts one. Its Message-ID is filed with the thread and stored as the message's client id, so
     * a mail read twice is stored once.
     */
    public Uni<Inbound> inboundEmail(InboundMail mail) {
        String from = mail.from().toLowerCase(java.util.Locale.ROOT);
        return peers.identify(from, null).chain(customer -> notices.transaction(tx -> repo.lockAddress(tx, from)
                .chain(() -> repo.lockByThread(tx, mail.references()))
                .chain(thread -> {
                    Instant now = clock.instant();
                    if (thread != null && (!thread.closed() || thread.closedAt().isAfter(now.minus(config.reopenWindow())))) {
                        return repo.messageByClientId(tx, thread.id(), mail.messageId()).chain(seen -> seen != null
                                ? Uni.createFrom().item(Inbound.DUPLICATE)
                                : (thread.closed() ? reopen(tx, thread) : Uni.createFrom().item(thread))
                                        .chain(open -> repo.addThreadRef(tx, mail.messageId(), open.id())
                                                .chain(() -> write(tx, open, "IN", open.customerLabel(), mail.text(),
                                                        mail.messageId())))
                                        .replaceWith(Inbound.MESSAGE));
                    }
                    // a mail read twice before its thread existed: its Message-ID is filed already
                    return repo.lockByThread(tx, List.of(mail.messageId())).chain(known -> known != null
                            ? Uni.createFrom().item(Inbound.DUPLICATE)
                            : newEmailConversation(tx, mail, from, customer, now));
                })));
    }

    private Uni<Inbound> newEmailConversation(SqlClient tx, InboundMail mail, String from,
            Optional<Peers.Customer> customer, Instant now) {
        String subject = mail.subject() == null || mail.subject().isBlank() ? null
                : mail.subject().length() > 300 ? mail.subject().substring(0, 300) : mail.subject();
        ConversationRow c = new ConversationRow(Ids.newId(), Channel.EMAIL, Status.QUEUED, null,
                customer.map(Peers.Customer::customerId).orElse(null),
                customer.map(Peers.Customer::displayName).orElse(mail.fromName()), from, null, config.email().queue(),
                Ids.newId(), 1, null, null, subject, null, null, now, null, now, null, null, null, 0);
        return create(tx, c, customer, Map.of(), null)
                .chain(() -> repo.addThreadRef(tx, mail.messageId(), c.id()))
                .chain(() -> write(tx, c, "IN", c.customerLabel(), mail.text(), mail.messageId()))
                .replaceWith(Inbound.MESSAGE);
    }

    /** The Message-ID our reply {@code messageId} goes out with: fixed, so a resend keeps it and threads stay whole. */
    public String mailMessageId(String messageId) {
        String address = config.email().address().orElse("contact-center@localhost");
        return "<" + messageId + "@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    /**
     * A conversation the center starts (the IVR deflects a caller to SMS, an agent texts a customer): opened with the
     * caller's context, handed to routing, and its first message sent within the sending hours.
     */
    public Uni<ConversationView> startOutbound(OutboundStart start, String phoneE164, String author) {
        return peers.identify(null, phoneE164).chain(customer -> {
            Instant now = clock.instant();
            String queue = start.queueId() == null ? config.sms().queue() : start.queueId();
            ConversationRow c = new ConversationRow(Ids.newId(), Channel.SMS, Status.QUEUED, null,
                    customer.map(Peers.Customer::customerId).orElse(start.attributes() == null ? null
                            : start.attributes().get("customerId")),
                    customer.map(Peers.Customer::displayName).orElse(null), null, phoneE164, queue, Ids.newId(), 1, null,
                    null, start.subject(), null, null, now, null, now, null, null, null, 0);
            Map<String, String> context = start.attributes() == null ? Map.of() : start.attributes();
            return notices.transaction(tx -> create(tx, c, customer, context, start.parentContactId())
                    .chain(() -> write(tx, c, "OUT", author, start.text(), start.clientId())))
                    .chain(w -> view(w.conversation().id(), 10));
        });
    }

    /** The customer's conversation, if {@code token} is its secret. */
    public Uni<ConversationRow> forCustomer(String conversationId, String token) {
        return repo.find(pool, conversationId).map(c -> authorize(c, conversationId, token));
    }

    /** A customer's message; a closed conversation opens again, offered first to the agent who had it. */
    public Uni<Written> customerWrites(String conversationId, String token, MessageRequest request) {
        // the lock and the look for a repeat go out together (pipelined); the repeat is only shown once authorised
        return notices.transaction(tx -> Uni.combine().all()
                .unis(repo.lock(tx, conversationId), repo.messageByClientId(tx, conversationId, request.clientId())).asTuple()
                .chain(found -> {
                    ConversationRow c = authorize(found.getItem1(), conversationId, token);
                    MessageRow existing = found.getItem2();
                    return existing != null ? Uni.createFrom().item(new Written(c, existing))
                            : (c.closed() ? reopen(tx, c) : Uni.createFrom().item(c))
                                    .chain(open -> write(tx, open, "IN", open.customerLabel(), request.text(),
                                            request.clientId()));
                }));
    }

    /** The customer ends the chat: a waiting one leaves routing; one an agent holds stays with the agent to finish. */
    public Uni<ConversationRow> customerLeaves(String conversationId, String token) {
        return notices.transaction(tx -> repo.lock(tx, conversationId).map(c -> authorize(c, conversationId, token))
                .chain(c -> {
                    if (c.closed()) {
                        return Uni.createFrom().item(c);
                    }
                    Uni<?> cancel = c.status() == Status.QUEUED
                            ? outbox.publish(tx, EventTypes.ROUTING_CANCEL, c.contactId(),
                                    new CancelCommand(c.contactId(), "customer-left"))
                            : Uni.createFrom().voidItem();
                    return cancel.chain(() -> close(tx, c, "LEFT", clock.instant()));
                }));
    }

    /** Typing indicators are not stored: every replica passes them to the conversation's streams. */
    public Uni<Void> typing(ConversationRow c, String who, boolean on) {
        notices.broadcast("t " + c.id() + " " + (c.agentId() == null ? "-" : c.agentId()) + " " + who + (on ? " 1" : " 0"));
        return Uni.createFrom().voidItem();
    }

    /** A chat asks for a call back: booked in callback-service, noted in the conversation. */
    public Uni<Written> customerAsksCallback(ConversationRow c, String phoneE164, CallbackAsk ask) {
        String queue = config.chat().callbackQueue().orElse(c.queueId());
        return peers.bookCallback(phoneE164, queue, c.contactId(), c.openedAt(), ask.windowStart(), ask.windowEnd(),
                        ask.timeZone())
                // callback-service's own refusal (no calling hours left in the window, a number on do-not-call) is the
                // customer's to act on: passed on with its reason, not turned into a server error
                .onFailure(e -> e instanceof io.contactcenter.events.http.JsonHttp.Failed f && f.status / 100 == 4)
                .transform(e -> new ClientErrorException("The callback could not be booked: " + detail(e.getMessage()),
                        ((io.contactcenter.events.http.JsonHttp.Failed) e).status == 409 ? 409 : 422))
                .chain(booked -> notices.transaction(tx -> repo.lock(tx, c.id()).chain(locked -> write(tx, locked,
                        "SYSTEM", null, "Callback to " + phoneE164 + " booked ("
                                + booked.path("callbackId").asText(booked.path("id").asText("")) + ").", null))));
    }

    /** The peer's problem detail out of "url answered 400: {json}", or the message itself. */
    private String detail(String message) {
        int brace = message == null ? -1 : message.indexOf('{');
        if (brace >= 0) {
            try {
                return json.readTree(message.substring(brace)).path("detail").asText(message);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return message;
            }
        }
        return message;
    }

    // ------------------------------------------------------------------ agents

    public Uni<ConversationView> view(String conversationId, int lastMessages) {
        return repo.find(pool, conversationId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().failure(new NotFoundException("No conversation " + conversationId + "."));
            }
            return repo.messages(pool, c.id(), Math.max(0, c.lastSeq() - lastMessages), lastMessages)
                    .map(m -> ConversationView.of(c, m));
        });
    }

    public Uni<List<ConversationView>> assignedTo(String agentId) {
        return repo.assignedTo(pool, agentId).map(list -> list.stream().map(c -> ConversationView.of(c, List.of()))
                .toList());
    }

    public Uni<List<MessageRow>> messages(String conversationId, long afterSeq, int limit) {
        return repo.messages(pool, conversationId, afterSeq, limit);
    }

    /** An agent's message: only the agent the conversation is assigned to may write in it. */
    public Uni<Written> agentWrites(String conversationId, String agentId, MessageRequest request) {
        return notices.transaction(tx -> Uni.combine().all()
                .unis(repo.lock(tx, conversationId), repo.messageByClientId(tx, conversationId, request.clientId())).asTuple()
                .chain(found -> {
            ConversationRow c = found.getItem1();
            if (c == null) {
                return Uni.createFrom().failure(new NotFoundException("No conversation " + conversationId + "."));
            }
            return Uni.createFrom().item(found.getItem2()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(new Written(c, existing));
                }
                if (c.status() != Status.ASSIGNED || !agentId.equals(c.agentId())) {
                    return Uni.createFrom().failure(new ClientErrorException("Conversation " + conversationId + " is "
                            + (c.closed() ? "closed (" + c.closeReason() + ")" : c.agentId() == null ? "waiting for an agent"
                                    : "with another agent") + "; only its agent can write in it.", 409));
                }
                return write(tx, c, "OUT", agentId, request.text(), request.clientId());
            });
        }));
    }

    public Uni<ConversationRow> agentConversation(String conversationId, String agentId) {
        return repo.find(pool, conversationId).map(c -> {
            if (c == null) {
                throw new NotFoundException("No conversation " + conversationId + ".");
            }
            if (!agentId.equals(c.agentId())) {
                throw new ClientErrorException("Conversation " + conversationId + " is not assigned to you.", 409);
            }
            return c;
        });
    }

    /** A note from the service into the conversation, in a transaction of its own. */
    public Uni<Written> note(String conversationId, String text) {
        return notices.transaction(tx -> repo.lock(tx, conversationId)
                .chain(c -> write(tx, c, "SYSTEM", null, text, null)));
    }

    /** A note from the service into the conversation (a message that could not be delivered, say), on {@code tx}. */
    public Uni<Void> systemNote(SqlClient tx, String conversationId, String text) {
        return repo.lock(tx, conversationId).chain(c -> c == null ? Uni.createFrom().voidItem()
                : write(tx, c, "SYSTEM", null, text, null).replaceWithVoid());
    }

    /** Wakes the streams of a conversation whose message {@code seq} changed (its delivery status). */
    public Uni<Void> messageChanged(SqlClient tx, String conversationId, String agentId, long seq) {
        return notices.add(tx, "m " + conversationId + " " + (agentId == null ? "-" : agentId) + " " + seq);
    }

    // ------------------------------------------------------------------ routing's side (cc.contacts)

    /** Routing queued the current opening (again, after a transfer): where it stands. */
    public Uni<Void> queued(SqlClient tx, String contactId, String queueId, Integer position, Double ewt) {
        return current(tx, contactId).chain(c -> c == null ? Uni.createFrom().voidItem()
                : save(tx, c.queued(queueId, position, ewt), c.agentId()));
    }

    /** An agent accepted the chat. */
    public Uni<Void> answered(SqlClient tx, String contactId, String agentId) {
        return current(tx, contactId).chain(c -> c == null ? Uni.createFrom().voidItem()
                : save(tx, c.assigned(agentId), null));
    }

    /** Routing ended the contact: the agent completed it, or it left routing unanswered. */
    public Uni<Void> ended(SqlClient tx, String contactId, String reason, Instant at) {
        return current(tx, contactId).chain(c -> c == null ? Uni.createFrom().voidItem()
                : close(tx, c, c.closingReason() != null ? c.closingReason() : reason, at).replaceWithVoid());
    }

    /** The open conversation whose current opening is {@code contactId}, locked; null for anything else. */
    private Uni<ConversationRow> current(SqlClient tx, String contactId) {
        return repo.lockByContact(tx, contactId)
                .map(c -> c == null || c.closed() || !c.contactId().equals(contactId) ? null : c);
    }

    // ------------------------------------------------------------------ idle conversations

    /**
     * Closes conversations nobody wrote in for the idle timeout: a waiting one leaves routing at once; for one an
     * agent holds, routing is asked to complete the contact, and the close follows from its {@code contact.completed}.
     *
     * @return the contacts to complete in routing (after the transaction committed)
     */
    public Uni<List<String>> sweepIdle(int limit) {
        Instant now = clock.instant();
        return notices.transaction(tx -> repo.lockIdle(tx, now.minus(config.idleTimeout()), limit).chain(idle -> {
            List<String> complete = new java.util.ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ConversationRow c : idle) {
                if (c.status() == Status.QUEUED) {
                    chain = chain.chain(() -> outbox.publish(tx, EventTypes.ROUTING_CANCEL, c.contactId(),
                            new CancelCommand(c.contactId(), "idle")).replaceWithVoid())
                            .chain(() -> close(tx, c, "IDLE", now).replaceWithVoid());
                } else {
                    complete.add(c.contactId());
                    chain = chain.chain(() -> c.closingReason() != null ? Uni.createFrom().voidItem()
                            : repo.update(tx, c.closing("IDLE")));
                }
            }
            return chain.replaceWith(complete);
        }));
    }

    /** Retried by the next sweep when routing cannot be reached now. */
    public Uni<Void> completeInRouting(String contactId) {
        return peers.complete(contactId);
    }

    // ------------------------------------------------------------------ shared steps

    private Uni<ConversationRow> reopen(SqlClient tx, ConversationRow c) {
        ConversationRow open = c.reopened(Ids.newId(), clock.instant());
        Map<String, String> attributes = attributes(open);
        attributes.put("reopenedFrom", c.contactId());
        return repo.reopen(tx, open)
                .chain(() -> opened(tx, open, true, attributes, 0, c.contactId()))
                .replaceWith(open);
    }

    /** Announces an opening and hands it to routing, offered first to the last agent if there was one. */
    private Uni<Void> opened(SqlClient tx, ConversationRow c, boolean reopened, Map<String, String> attributes,
            int priority, String parentContactId) {
        return outbox.publish(tx, EventTypes.CONVERSATION_OPENED, c.id(), new ConversationOpened(c.id(), c.contactId(),
                        c.channel(), c.customerId(), c.email() != null ? c.email() : c.phone(), c.queueId(), reopened,
                        c.openedAt()))
                .chain(() -> outbox.publish(tx, EventTypes.ROUTING_ENQUEUE, c.contactId(), new EnqueueCommand(
                        c.contactId(), c.queueId(), c.channel(), priority, Map.of(), attributes, null, parentContactId,
                        c.lastAgentId())))
                .chain(() -> notices.add(tx, "s " + c.id() + " -"));
    }

    private static Map<String, String> attributes(ConversationRow c) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("conversationId", c.id());
        a.put("channel", c.channel().name());
        if (c.customerId() != null) {
            a.put("customerId", c.customerId());
        }
        if (c.displayName() != null) {
            a.put("customerName", c.displayName());
        }
        if (c.email() != null) {
            a.put("email", c.email());
        }
        if (c.phone() != null) {
            a.put("callerNumber", c.phone());
        }
        if (c.subject() != null) {
            a.put("subject", c.subject());
        }
        return a;
    }

    /** Stores a message as the conversation's next, announces it (system notes stay local) and wakes the streams. */
    private Uni<Written> write(SqlClient tx, ConversationRow c, String direction, String author, String text,
            String clientId) {
        if (text.length() > config.maxTextLength()) {
            return Uni.createFrom().failure(new ClientErrorException("A message may have at most "
                    + config.maxTextLength() + " characters; this one has " + text.length() + ".", 413));
        }
        Instant now = clock.instant();
        long seq = c.lastSeq() + 1;
        MessageRow m = new MessageRow(c.id(), seq, Ids.newId(), c.contactId(), direction, author, text, clientId, now,
                null);
        // an agent's first message to the customer is the first response; an automatic one (the IVR's SMS) is not
        ConversationRow after = c.wrote(seq, now, "OUT".equals(direction) && c.status() == Status.ASSIGNED);
        Uni<?> announce = "SYSTEM".equals(direction) ? Uni.createFrom().voidItem()
                : outbox.publish(tx, "IN".equals(direction) ? EventTypes.MESSAGE_RECEIVED : EventTypes.MESSAGE_SENT,
                        c.id(), new ConversationMessage(m.id(), c.id(), c.contactId(), c.channel(), c.customerId(), seq,
                                author, text, 0, now));
        boolean leaves = "OUT".equals(direction) && (c.channel() == Channel.SMS || c.channel() == Channel.EMAIL);
        // a reply's Message-ID joins the thread before it leaves: the customer's answer to it finds the conversation
        Uni<Void> thread = leaves && c.channel() == Channel.EMAIL ? repo.addThreadRef(tx, mailMessageId(m.id()), c.id())
                : Uni.createFrom().voidItem();
        MessageRow stored = leaves ? withDelivery(m, "PENDING") : m;
        // the statements no longer depend on each other's answers: sent together, the connection pipelines them in this
        // order (one round trip instead of six); any failure fails the transaction
        return Uni.combine().all().unis(
                        repo.insertMessage(tx, m),
                        thread,
                        leaves ? repo.insertDelivery(tx, m, c.channel().name(), c.channel() == Channel.SMS ? c.phone() : c.email())
                                : Uni.createFrom().voidItem(),
                        repo.update(tx, after),
                        announce,
                        notices.add(tx, messageNotice(c, stored)))
                .discardItems()
                .replaceWith(new Written(after, stored));
    }

    /**
     * The NOTIFY for a new message: the message itself when it fits PostgreSQL's 8,000-byte payload (every replica's
     * streams get it without a query), else its seq for the replicas to load.
     */
    private String messageNotice(ConversationRow c, MessageRow m) {
        String agent = c.agentId() == null ? "-" : c.agentId();
        try {
            String message = json.writeValueAsString(MessageView.of(m));
            if (message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 7_500) {
                return "M " + c.id() + " " + agent + " " + message;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // fall back to the seq
        }
        return "m " + c.id() + " " + agent + " " + m.seq();
    }

    private static MessageRow withDelivery(MessageRow m, String delivery) {
        return new MessageRow(m.conversationId(), m.seq(), m.id(), m.contactId(), m.direction(), m.author(), m.body(),
                m.clientId(), m.createdAt(), delivery);
    }

    private Uni<Void> save(SqlClient tx, ConversationRow after, String previousAgent) {
        return repo.update(tx, after).chain(() -> notices.add(tx, "s " + after.id() + " "
                + (after.agentId() != null ? after.agentId() : previousAgent != null ? previousAgent : "-")));
    }

    private Uni<ConversationRow> close(SqlClient tx, ConversationRow c, String reason, Instant at) {
        ConversationRow after = c.closed(reason, at);
        Double firstResponse = c.firstResponseAt() == null ? null : seconds(c.openedAt(), c.firstResponseAt());
        return repo.update(tx, after)
                .chain(() -> outbox.publish(tx, EventTypes.CONVERSATION_CLOSED, c.id(), new ConversationClosed(c.id(),
                        c.contactId(), c.channel(), c.customerId(), c.queueId(),
                        c.agentId() != null ? c.agentId() : c.lastAgentId(), reason, firstResponse,
                        seconds(c.openedAt(), at), at)))
                .chain(() -> notices.add(tx, "s " + c.id() + " " + (c.agentId() == null ? "-" : c.agentId())))
                .replaceWith(after);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }

    private static ConversationRow authorize(ConversationRow c, String conversationId, String token) {
        if (c == null || token == null || c.tokenHash() == null
                || !MessageDigest.isEqual(c.tokenHash().getBytes(StandardCharsets.US_ASCII),
                        hash(token).getBytes(StandardCharsets.US_ASCII))) {
            // the same answer for "no such chat" and "not your chat": ids cannot be probed
            throw new NotFoundException("No chat " + conversationId + " for this X-Chat-Token.");
        }
        return c;
    }

    private List<String> allowedQueues() {
        List<String> all = new java.util.ArrayList<>(List.of(config.chat().defaultQueue()));
        config.chat().queues().ifPresent(all::addAll);
        return all;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
