package io.contactcenter.messaging.email;

import io.contactcenter.events.Channel;
import io.contactcenter.messaging.config.MessagingConfig;
import io.contactcenter.messaging.delivery.Refused;
import io.contactcenter.messaging.conversation.ConversationRepository;
import io.contactcenter.messaging.conversation.ConversationService;
import io.contactcenter.messaging.delivery.ChannelSender;
import io.contactcenter.messaging.delivery.Job;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * E-mail replies over SMTP, in the customer's thread: "Re:" the conversation's subject, In-Reply-To the customer's last
 * mail and References the whole thread, with a Message-ID fixed per message so a resend after a crash is the same mail.
 */
@ApplicationScoped
public class MailSender implements ChannelSender {

    private final MailServers servers;
    private final ConversationRepository repo;
    private final ConversationService conversations;
    private final Pool pool;
    private final MessagingConfig.Email config;

    public MailSender(MailServers servers, ConversationRepository repo, ConversationService conversations, Pool pool,
            MessagingConfig config) {
        this.servers = servers;
        this.repo = repo;
        this.conversations = conversations;
        this.pool = pool;
        this.config = config.email();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean enabled() {
        return servers.outboxEnabled();
    }

    @Override
    public Instant allowedFrom(Job job, Instant now) {
        return now; // a mail waits in the customer's inbox: no sending hours
    }

    @Override
    public Uni<List<String>> send(Job job) {
        String messageId = conversations.mailMessageId(job.messageId());
        return repo.find(pool, job.conversationId()).chain(c -> repo.threadRefs(pool, job.conversationId()).map(refs -> {
            List<String> earlier = refs.stream().filter(r -> !r.equals(messageId)).toList();
            String subject = c.subject() == null ? "Your message" : c.subject();
            return new Outgoing(job.recipient(), subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject,
                    job.text(), messageId, lastInbound(earlier, messageId), earlier);
        })).emitOn(Infrastructure.getDefaultWorkerPool()).map(this::transmit);
    }

    private record Outgoing(String to, String subject, String text, String messageId, String inReplyTo,
            List<String> references) {
    }

    /** A one-off mail outside any thread (a chat's transcript the customer asked for). */
    public Uni<Void> sendOnce(String to, String subject, String text) {
        if (!enabled()) {
            return Uni.createFrom().failure(new jakarta.ws.rs.ServiceUnavailableException(
                    "E-mail is not configured here, so no transcript can be sent."));
        }
        String address = config.address().orElseThrow();
        Outgoing out = new Outgoing(to, subject, text, "<" + io.contactcenter.events.Ids.newId() + address.substring(address.indexOf('@')) + ">",
                null, List.of());
        return Uni.createFrom().item(() -> transmit(out)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .replaceWithVoid();
    }

    /** The thread's newest ID that is not one of ours (ours end in our domain and carry a message id). */
    private static String lastInbound(List<String> refs, String ours) {
        String domain = ours.substring(ours.indexOf('@'));
        for (int i = refs.size() - 1; i >= 0; i--) {
            if (!refs.get(i).endsWith(domain)) {
                return refs.get(i);
            }
        }
        return refs.isEmpty() ? null : refs.get(refs.size() - 1);
    }

    private List<String> transmit(Outgoing out) {
        Session session = servers.smtp();
        try {
            MimeMessage mail = new FixedIdMessage(session, out.messageId());
            mail.setFrom(new InternetAddress(config.address().orElseThrow(), config.displayName(), "UTF-8"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(out.to(), true));
            mail.setSubject(out.subject(), "UTF-8");
            mail.setSentDate(new Date());
            mail.setText(out.text(), "UTF-8");
            if (out.inReplyTo() != null) {
                mail.setHeader("In-Reply-To", out.inReplyTo());
            }
            if (!out.references().isEmpty()) {
                mail.setHeader("References", String.join(" ", out.references()));
            }
            MessagingConfig.Server server = servers.smtpServer();
            try (Transport transport = session.getTransport()) {
                transport.connect(server.host().orElseThrow(), server.port().orElse(-1), server.user().orElse(null),
                        server.password().orElse(null));
                mail.saveChanges();
                transport.sendMessage(mail, mail.getAllRecipients());
            }
            return List.of(out.messageId());
        } catch (SendFailedException e) {
            throw new Refused("the mail server refused " + out.to() + ": " + e.getMessage());
        } catch (jakarta.mail.internet.AddressException e) {
            throw new Refused("not an e-mail address: " + out.to());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("SMTP: " + e.getMessage(), e);
        }
    }

    /** A MimeMessage that keeps the Message-ID we chose instead of making a new one on saveChanges. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
