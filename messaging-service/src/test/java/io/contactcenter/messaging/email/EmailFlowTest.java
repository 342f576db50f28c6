package io.contactcenter.messaging.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.contactcenter.devstack.Eventually;
import io.contactcenter.devstack.KafkaProbe;
import io.contactcenter.devstack.Tokens;
import io.contactcenter.events.EventCodec;
import io.contactcenter.events.EventTypes;
import io.contactcenter.events.Topics;
import io.contactcenter.events.contact.ContactAnswered;
import io.contactcenter.messaging.MessagingStack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E-mail with a real mail server on loopback (GreenMail, SMTP and IMAP): a customer's mail becomes a conversation, the
 * agent's reply arrives in the customer's mailbox in the same thread, and the customer's answer to it joins the same
 * conversation. Reading the mailbox again stores nothing twice.
 */
@QuarkusTest
@MessagingStack
@TestProfile(EmailProfile.class)
class EmailFlowTest {

    private static GreenMail mail;

    @Inject
    EventCodec codec;

    @BeforeAll
    static void mailServer() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(EmailProfile.SMTP, "127.0.0.1", "smtp"),
                new ServerSetup(EmailProfile.IMAP, "127.0.0.1", "imap")});
        mail.setUser(EmailProfile.SUPPORT, EmailProfile.SUPPORT, EmailProfile.PASSWORD);
        mail.start();
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    @Test
    void aMailThreadIsOneConversationBothWays() throws Exception {
        String customer = "mia." + System.nanoTime() % 1_000_000 + "@customer.example";
        String first = "<m1." + System.nanoTime() + "@customer.example>";
        String contactId;
        try (KafkaProbe commands = KafkaProbe.tail(Topics.ROUTING_COMMANDS)) {
            send(customer, "Dryer noise", "My dryer squeaks when it spins.\n\n-- \nMia", first, null, null);
            var enqueue = commands.await(r -> r.value().contains(customer), Duration.ofSeconds(15));
            assertThat(enqueue.get(0).value()).contains("\"channel\":\"EMAIL\"").contains("\"queueId\":\"email\"");
            contactId = enqueue.get(0).key();
        }
        String conversation = conversationOf(contactId);
        given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + conversation)
                .then().statusCode(200).body("channel", equalTo("EMAIL")).body("email", equalTo(customer))
                .body("subject", equalTo("Dryer noise")).body("messages[0].text", org.hamcrest.Matchers.startsWith("My dryer squeaks"));

        // the agent answers: the reply is in the customer's mailbox, in the thread
        String agent = "eve-" + System.nanoTime() % 100_000;
        KafkaProbe.send(Topics.CONTACTS, contactId, codec.write(codec.create(EventTypes.CONTACT_ANSWERED, contactId,
                new ContactAnswered(contactId, "email", agent, 60, Instant.now()))));
        String id = conversation;
        Eventually.await("assigned", Duration.ofSeconds(10), Duration.ofMillis(100), () -> agent.equals(
                given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + id)
                        .then().extract().path("agentId")));
        given().header("Authorization", Tokens.agent(agent)).contentType("application/json")
                .body(Map.of("text", "Could you send a photo of the drum?")).post("/messaging/conversations/" + id + "/messages")
                .then().statusCode(201);
        MimeMessage reply = awaitMailTo(customer, Duration.ofSeconds(15));
        assertThat(reply.getSubject()).isEqualTo("Re: Dryer noise");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(first);
        assertThat(reply.getHeader("References", null)).contains(first);
        assertThat(((InternetAddress) reply.getFrom()[0]).getAddress()).isEqualTo(EmailProfile.SUPPORT);
        assertThat(String.valueOf(reply.getContent()).strip()).isEqualTo("Could you send a photo of the drum?");
        String replyId = reply.getMessageID();
        Eventually.await("SENT", Duration.ofSeconds(5), Duration.ofMillis(50), () -> "SENT".equals(
                given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + id)
                        .then().extract().path("messages[1].delivery")));

        // the customer answers that mail (quoting it): the new text joins the same conversation
        send(customer, "Re: Dryer noise", "Here it is, the drum is loose.\n\nOn Mon, Support wrote:\n> Could you send a photo?",
                "<m2." + System.nanoTime() + "@customer.example>", replyId, first + " " + replyId);
        Eventually.await("answer in the thread", Duration.ofSeconds(15), Duration.ofMillis(100), () -> {
            List<String> texts = given().header("Authorization", Tokens.bearer("supervisor"))
                    .get("/messaging/conversations/" + id).then().extract().path("messages.text");
            return texts.size() == 3 && texts.get(2).equals("Here it is, the drum is loose.");
        });

        // the mailbox read again from the start: nothing is stored twice
        markAllUnseen();
        Thread.sleep(1500);
        given().header("Authorization", Tokens.bearer("supervisor")).get("/messaging/conversations/" + id)
                .then().body("messages.size()", equalTo(3)).body("openings", equalTo(1));
    }

    @Test
    void aChatCustomerGetsTheTranscriptByMail() throws Exception {
        String customer = "noah." + System.nanoTime() % 1_000_000 + "@customer.example";
        var started = given().contentType("application/json")
                .body(Map.of("name", "Noah", "email", customer, "text", "Is my warranty still valid?"))
                .post("/messaging/chat/conversations").then().statusCode(201).extract().jsonPath();
        String id = started.getString("conversationId");
        given().header("X-Chat-Token", started.getString("token")).contentType("application/json").body("{}")
                .post("/messaging/chat/conversations/" + id + "/transcript").then().statusCode(201)
                .body("direction", equalTo("SYSTEM")).body("text", equalTo("Transcript sent to " + customer + "."));
        MimeMessage transcript = awaitMailTo(customer, Duration.ofSeconds(10));
        assertThat(transcript.getSubject()).isEqualTo("Your chat with us");
        assertThat(String.valueOf(transcript.getContent())).contains("You:\r\nIs my warranty still valid?");
        given().header("X-Chat-Token", started.getString("token")).contentType("application/json")
                .body("{\"email\":\"not an address\"}")
                .post("/messaging/chat/conversations/" + id + "/transcript").then().statusCode(400);
    }

    private static void send(String from, String subject, String text, String messageId, String inReplyTo, String references)
            throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(EmailProfile.SMTP));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(from, "Mia Muster"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(EmailProfile.SUPPORT));
        m.setSubject(subject);
        m.setText(text, "UTF-8");
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
            m.setHeader("References", references);
        }
        Transport.send(m);
    }

    private static MimeMessage awaitMailTo(String address, Duration timeout) {
        MimeMessage[] found = new MimeMessage[1];
        Eventually.await("a mail to " + address, timeout, Duration.ofMillis(100), () -> {
            found[0] = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static void markAllUnseen() throws Exception {
        Properties p = new Properties();
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", EmailProfile.IMAP, EmailProfile.SUPPORT, EmailProfile.PASSWORD);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
        inbox.close(false);
        store.close();
    }

    private static String conversationOf(String contactId) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:5432/cc_messaging_test", "cc_messaging",
                io.contactcenter.devstack.DevStack.dbPassword("messaging"));
                var st = c.prepareStatement("select conversation_id from msg_opening where contact_id = ?")) {
            st.setString(1, contactId);
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
