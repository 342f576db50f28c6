package io.contactcenter.messaging.email;

import io.contactcenter.messaging.config.MessagingConfig;
import io.contactcenter.messaging.conversation.ConversationService;
import io.contactcenter.messaging.conversation.ConversationService.InboundMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Reads the support mailbox over IMAP: every unseen mail becomes a message of its thread's conversation, and is flagged
 * seen only after that committed, so a crash in between reads it again (its Message-ID keeps it from being stored
 * twice). Jakarta Mail blocks, so passes run on a worker thread, one at a time per replica; two replicas reading the
 * same mail store it once for the same reason.
 */
@ApplicationScoped
public class MailInbox {

    private static final Logger LOG = Logger.getLogger(MailInbox.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(15);

    private final MailServers servers;
    private final ConversationService conversations;
    private final MessagingConfig.Email config;
    private final MeterRegistry registry;
    private final AtomicBoolean running = new AtomicBoolean();

    public MailInbox(MailServers servers, ConversationService conversations, MessagingConfig config, MeterRegistry registry) {
        this.servers = servers;
        this.conversations = conversations;
        this.config = config.email();
        this.registry = registry;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        if (!servers.inboxEnabled()) {
            LOG.info("no mailbox configured (cc.messaging.email.address and .imap.host): e-mail is not read");
            return;
        }
        vertx.setPeriodic(config.pollInterval().toMillis(), id -> {
            if (running.compareAndSet(false, true)) {
                vertx.executeBlocking(() -> {
                    try {
                        return poll();
                    } finally {
                        running.set(false);
                    }
                }, false).subscribe().with(n -> { }, e -> LOG.warnf("reading the mailbox failed, the next pass retries: %s", e.toString()));
            }
        });
    }

    /** One pass over the unseen mail; the number taken in. */
    public int poll() throws MessagingException {
        MessagingConfig.Server server = servers.imapServer();
        Store store = servers.imap().getStore();
        store.connect(server.host().orElseThrow(), server.port().orElse(-1), server.user().orElse(null),
                server.password().orElse(null));
        int taken = 0;
        try {
            Folder folder = store.getFolder(config.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (take((MimeMessage) message)) {
                        message.setFlag(Flags.Flag.SEEN, true);
                        taken++;
                    }
                }
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
        return taken;
    }

    private boolean take(MimeMessage message) {
        try {
            InboundMail mail = read(message);
            if (mail == null) {
                return true; // nothing a conversation can hold (no sender): flagged, not retried forever
            }
            conversations.inboundEmail(mail).await().atMost(STORE_TIMEOUT);
            registry.counter("cc.messaging.received", "channel", "EMAIL").increment();
            return true;
        } catch (RuntimeException | MessagingException | IOException e) {
            LOG.warnf("mail %s not taken in yet: %s", safeId(message), e.toString());
            return false;
        }
    }

    private InboundMail read(MimeMessage message) throws MessagingException, IOException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender) || sender.getAddress() == null) {
            LOG.warnf("mail %s has no sender address: skipped", safeId(message));
            return null;
        }
        String messageId = message.getMessageID() != null ? message.getMessageID().strip()
                : "<" + Integer.toHexString((sender.getAddress() + message.getSentDate() + message.getSubject()).hashCode())
                        + "@no-message-id>";
        String text = message.getSize() > config.maxBytes() ? textOf(message, true) : textOf(message, false);
        int attachments = countAttachments(message);
        String body = MailText.newPart(text == null ? "" : text);
        if (attachments > 0) {
            body = body + "\n[" + attachments + " attachment(s) not shown]";
        }
        if (body.isBlank()) {
            body = "(empty mail)";
        }
        if (body.length() > 4000) {
            body = body.substring(0, 3990) + " […]";
        }
        return new InboundMail(messageId, MailText.references(message.getHeader("In-Reply-To", " "),
                message.getHeader("References", " ")), sender.getAddress(), sender.getPersonal(), message.getSubject(), body);
    }

    /** The text/plain part (else text/html made plain), searching nested multiparts. */
    private static String textOf(Part part, boolean textOnly) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/html") && html == null) {
                    html = String.valueOf(child.getContent());
                    continue;
                }
                String text = textOf(child, textOnly);
                if (text != null) {
                    return text;
                }
            }
            return html == null ? null : MailText.fromHtml(html);
        }
        if (part.isMimeType("text/html") && !textOnly) {
            return MailText.fromHtml(String.valueOf(part.getContent()));
        }
        return null;
    }

    private static int countAttachments(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            int n = 0;
            for (int i = 0; i < multipart.getCount(); i++) {
                n += countAttachments(multipart.getBodyPart(i));
            }
            return n;
        }
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null ? 1 : 0;
    }

    private static String safeId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return "(unreadable)";
        }
    }
}
