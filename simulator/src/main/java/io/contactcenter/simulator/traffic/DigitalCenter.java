package io.contactcenter.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's written channels: customers who chat through the widget's API and customers who write e-mails to the
 * support mailbox (SMTP), and a digital team that takes them from routing like calls (offers over SSE, accept, reply
 * through messaging-service, complete), several at a time within its capacity.
 */
public final class DigitalCenter implements AutoCloseable {

    public static final List<String> QUEUES = List.of("chat", "email");
    private static final String[] OPENERS = {"My washing machine shows error E21.", "Where is my repair order?",
        "Can I extend my warranty?", "The dryer makes a loud noise.", "I need a new filter for my dishwasher."};
    private static final String[] FOLLOW_UPS = {"Thanks, that helps.", "It is the model WM-7.", "Yes, since last week.",
        "OK, I will try that."};

    /** What the run did. */
    public static final class Counters {
        public final AtomicInteger chats = new AtomicInteger();
        public final AtomicInteger emails = new AtomicInteger();
        public final AtomicInteger accepted = new AtomicInteger();
        public final AtomicInteger replies = new AtomicInteger();
        public final AtomicInteger completed = new AtomicInteger();
        public final AtomicInteger customerMessages = new AtomicInteger();
        public final AtomicInteger errors = new AtomicInteger();
    }

    private final Api api;
    private final String messaging;
    private final List<String> agents;
    private final Random random;
    private final Counters counters = new Counters();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger writing = new AtomicInteger();
    private final List<String> customerEmails;
    private volatile boolean running = true;

    private DigitalCenter(Api api, String messaging, List<String> agents, List<String> customerEmails, long seed) {
        this.api = api;
        this.messaging = messaging;
        this.agents = agents;
        this.customerEmails = customerEmails;
        this.random = new Random(seed);
    }

    /** Queues chat and email and a digital team of {@code size} agents (3 chats and 4 e-mails at once each). */
    public static DigitalCenter provision(Api api, String messagingUrl, String prefix, int size, List<String> customerEmails,
            long seed) {
        String admin = api.token("admin");
        for (String queue : QUEUES) {
            api.call("routing", "PUT", "/routing/queues/" + queue, admin, Map.of("name", queue, "strategy", "FEWEST_CONTACTS",
                    "serviceLevelSeconds", queue.equals("chat") ? 30 : 3600, "wrapUpSeconds", 1, "offerTimeoutSeconds", 20));
        }
        List<String> agents = new java.util.ArrayList<>();
        for (int i = 1; i <= size; i++) {
            String id = prefix + "digital-" + i;
            api.call("routing", "PUT", "/routing/agents/" + id, admin, Map.of("name", id, "skills", Map.of(),
                    "queues", Map.of("chat", Map.of("level", 1, "penalty", 0, "weight", 1),
                            "email", Map.of("level", 1, "penalty", 0, "weight", 1)),
                    "capacity", Map.of("CHAT", 3, "EMAIL", 4)));
            agents.add(id);
        }
        return new DigitalCenter(api, messagingUrl, agents, customerEmails, seed);
    }

    public Counters counters() {
        return counters;
    }

    /** The team signs in and listens for offers. */
    public void startDesks() {
        for (String agent : agents) {
            api.call("routing", "POST", "/routing/agents/" + agent + "/state", api.token("agent", agent), Map.of("state", "AVAILABLE"));
            pool.submit(() -> listen(agent));
        }
    }

    /** Chats and e-mails arrive as Poisson processes for {@code duration}. */
    public void run(Duration duration, double chatsPerSecond, double emailsPerSecond, String mailHost, int smtpPort,
            String mailbox) {
        long end = System.nanoTime() + duration.toNanos();
        double nextChat = next(chatsPerSecond), nextEmail = next(emailsPerSecond);
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < end && running) {
            double t = (System.nanoTime() - start) / 1e9;
            if (t >= nextChat) {
                int i = n++;
                pool.submit(() -> chat(i));
                nextChat += next(chatsPerSecond);
            }
            if (t >= nextEmail) {
                int i = n++;
                pool.submit(() -> email(i, mailHost, smtpPort, mailbox));
                nextEmail += next(emailsPerSecond);
            }
            sleep(100);
        }
    }

    private double next(double rate) {
        return rate <= 0 ? Double.MAX_VALUE : -Math.log(1 - random.nextDouble()) / rate;
    }

    /** A chat customer: opens with a question, waits for the agent, answers once, then is done. */
    private void chat(int i) {
        writing.incrementAndGet();
        try {
            String email = customerEmails.isEmpty() || i % 2 == 1 ? "visitor" + i + "@demo.example"
                    : customerEmails.get(i % customerEmails.size());
            JsonNode started = post("/messaging/chat/conversations", null, Map.of("name", "Visitor " + i, "email", email,
                    "text", OPENERS[i % OPENERS.length], "clientId", "demo-" + i + "-0"));
            counters.chats.incrementAndGet();
            counters.customerMessages.incrementAndGet();
            String id = started.path("conversationId").asText();
            String token = started.path("token").asText();
            if (awaitAgentMessages(id, token, 1, Duration.ofSeconds(90))) {
                sleep(1000 + random.nextInt(3000));
                post("/messaging/chat/conversations/" + id + "/messages", token, Map.of("text", FOLLOW_UPS[i % FOLLOW_UPS.length],
                        "clientId", "demo-" + i + "-1"));
                counters.customerMessages.incrementAndGet();
            } else {
                post("/messaging/chat/conversations/" + id + "/leave", token, Map.of());
            }
        } catch (RuntimeException e) {
            counters.errors.incrementAndGet();
        } finally {
            writing.decrementAndGet();
        }
    }

    private void email(int i, String host, int port, String mailbox) {
        try {
            Properties p = new Properties();
            p.put("mail.smtp.host", host);
            p.put("mail.smtp.port", String.valueOf(port));
            MimeMessage m = new MimeMessage(Session.getInstance(p));
            m.setFrom(new InternetAddress("writer" + i + "@demo.example", "Writer " + i));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox));
            m.setSubject("Question " + i + ": " + OPENERS[i % OPENERS.length].replace(".", ""));
            m.setText(OPENERS[i % OPENERS.length] + "\n\nKind regards,\nWriter " + i, "UTF-8");
            Transport.send(m);
            counters.emails.incrementAndGet();
        } catch (Exception e) {
            counters.errors.incrementAndGet();
        }
    }

    /** One agent: accepts every offer and works each conversation on a thread of its own. */
    private void listen(String agent) {
        String auth = api.token("agent", agent);
        while (running) {
            try {
                HttpResponse<java.util.stream.Stream<String>> r = http.send(HttpRequest.newBuilder(
                                api.base("routing").resolve("/routing/agents/" + agent + "/offers"))
                        .header("Authorization", auth).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofLines());
                r.body().forEach(line -> {
                    if (!running || !line.startsWith("data:")) {
                        return;
                    }
                    try {
                        JsonNode offer = Api.JSON.readTree(line.substring(5).trim());
                        if ("PENDING".equals(offer.path("status").asText()) && handled.add(offer.path("offerId").asText())) {
                            pool.submit(() -> work(agent, auth, offer));
                        }
                    } catch (java.io.IOException ignored) {
                        // not a frame of ours
                    }
                });
            } catch (Exception e) {
                sleep(500);
            }
        }
    }

    private void work(String agent, String auth, JsonNode offer) {
        try {
            sleep(500 + random.nextInt(1500)); // reading the offer
            Api.Reply accepted = api.sendOrLost("routing", "POST", "/routing/offers/" + offer.path("offerId").asText() + "/accept",
                    auth, null);
            if (!accepted.ok()) {
                return;
            }
            counters.accepted.incrementAndGet();
            String conversation = offer.path("attributes").path("conversationId").asText(null);
            if (conversation == null) {
                return;
            }
            awaitAssigned(conversation, agent);
            String name = offer.path("attributes").path("customerName").asText("there");
            reply(conversation, auth, "Hello " + name + ", thanks for getting in touch. Let me look into it.");
            if ("CHAT".equals(offer.path("channel").asText())) {
                awaitCustomerMessages(conversation, 2, Duration.ofSeconds(20));
                reply(conversation, auth, "Thank you. I have noted it on your record; a technician will follow up.");
            } else {
                sleep(1000 + random.nextInt(2000));
                reply(conversation, auth, "Our technician will call you within two working days.");
            }
            sleep(1000 + random.nextInt(2000));
            api.sendOrLost("routing", "POST", "/routing/contacts/" + offer.path("contactId").asText() + "/complete", auth, Map.of());
            counters.completed.incrementAndGet();
        } catch (RuntimeException e) {
            counters.errors.incrementAndGet();
        }
    }

    private void reply(String conversation, String auth, String text) {
        api.call("messaging", "POST", "/messaging/conversations/" + conversation + "/messages", auth, Map.of("text", text));
        counters.replies.incrementAndGet();
    }

    private void awaitAssigned(String conversation, String agent) {
        String supervisor = api.token("supervisor", "demo-supervisor");
        for (int i = 0; i < 100; i++) {
            if (agent.equals(api.call("messaging", "GET", "/messaging/conversations/" + conversation + "?messages=0", supervisor, null)
                    .path("agentId").asText())) {
                return;
            }
            sleep(100);
        }
    }

    private boolean awaitCustomerMessages(String conversation, int count, Duration patience) {
        String supervisor = api.token("supervisor", "demo-supervisor");
        long end = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < end) {
            JsonNode c = api.call("messaging", "GET", "/messaging/conversations/" + conversation, supervisor, null);
            int in = 0;
            for (JsonNode m : c.path("messages")) {
                in += "IN".equals(m.path("direction").asText()) ? 1 : 0;
            }
            if (in >= count || "CLOSED".equals(c.path("status").asText())) {
                return in >= count;
            }
            sleep(500);
        }
        return false;
    }

    private boolean awaitAgentMessages(String id, String token, int count, Duration patience) {
        long end = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < end) {
            JsonNode view = get("/messaging/chat/conversations/" + id, token);
            int out = 0;
            for (JsonNode m : view.path("messages")) {
                out += "OUT".equals(m.path("direction").asText()) ? 1 : 0;
            }
            if (out >= count) {
                return true;
            }
            sleep(1000);
        }
        return false;
    }

    private JsonNode post(String path, String chatToken, Object body) {
        return exchange(HttpRequest.newBuilder(URI.create(messaging + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), chatToken);
    }

    private JsonNode get(String path, String chatToken) {
        return exchange(HttpRequest.newBuilder(URI.create(messaging + path)).GET(), chatToken);
    }

    private JsonNode exchange(HttpRequest.Builder request, String chatToken) {
        if (chatToken != null) {
            request.header("X-Chat-Token", chatToken);
        }
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new Api.ApiException("messaging answered " + r.statusCode() + ": " + r.body(), null);
            }
            return r.body().isBlank() ? Api.JSON.nullNode() : Api.JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new Api.ApiException("messaging: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Api.ApiException("interrupted", e);
        }
    }

    private static String json(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the customers still writing and the conversations still open finish, for up to {@code grace}. */
    public void finish(Duration grace) {
        long end = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < end && (writing.get() > 0 || counters.completed.get() < counters.accepted.get())) {
            sleep(200);
        }
        running = false;
    }

    @Override
    public void close() {
        running = false;
        pool.shutdownNow();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
