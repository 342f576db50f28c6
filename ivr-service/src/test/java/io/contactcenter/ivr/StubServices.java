package io.contactcenter.ivr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * crm-service, routing-service and callback-service as real HTTP endpoints the IVR calls over the network, with
 * answers (and delays) the tests set. Started before the application, so its URLs are part of the config.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    /** Lookup answers by E.164 number (the crm-service JSON); unknown numbers answer 404. */
    public static final Map<String, String> CUSTOMERS = new ConcurrentHashMap<>();
    public static volatile int crmDelayMillis;
    public static volatile boolean open = true;
    public static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("cc.ivr.crm-url", url, "cc.ivr.routing-url", url, "cc.ivr.callback-url", url,
                "cc.ivr.messaging-url", url, "cc.ivr.routing-cache", "0s");
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(x.getRequestMethod() + " " + x.getRequestURI() + (body.isEmpty() ? "" : " " + body));
        if (path.equals("/crm/customers/lookup")) {
            if (crmDelayMillis > 0) {
                try {
                    Thread.sleep(crmDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String phone = URLDecoder.decode(x.getRequestURI().getRawQuery().replace("phone=", ""), StandardCharsets.UTF_8);
            String customer = CUSTOMERS.get(phone);
            respond(x, customer == null ? 404 : 200, customer == null ? "{}" : customer);
        } else if (path.startsWith("/routing/queues/")) {
            respond(x, 200, "{\"open\":" + open + ",\"estimatedWaitSeconds\":240.0}");
        } else if (path.startsWith("/routing/contacts/") && x.getRequestMethod().equals("GET")) {
            respond(x, 200, "{\"position\":2,\"estimatedWaitSeconds\":240.0,\"state\":\"QUEUED\"}");
        } else if (path.startsWith("/routing/contacts/")) {
            respond(x, 204, null);
        } else if (path.equals("/messaging/conversations")) {
            respond(x, 201, "{\"conversationId\":\"conv-1\",\"channel\":\"SMS\"}");
        } else if (path.equals("/callbacks")) {
            respond(x, 201, "{\"callbackId\":\"cb-1\"}");
        } else {
            respond(x, 404, "{}");
        }
    }

    private static void respond(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
