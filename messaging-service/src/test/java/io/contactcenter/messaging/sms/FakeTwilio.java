package io.contactcenter.messaging.sms;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the provider's Messages API on a real local port: it records every send (form fields and basic
 * authentication) and answers as the provider does, with a message sid; numbers in {@link #REFUSED} are refused (400).
 */
public final class FakeTwilio implements AutoCloseable {

    public static final String REFUSED = "+15005550001";
    public final List<Map<String, String>> sent = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;

    public FakeTwilio(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/2010-04-01/Accounts/", exchange -> {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] answer;
            int status;
            if (REFUSED.equals(form.get("To"))) {
                status = 400;
                answer = "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                sent.add(form);
                status = 201;
                answer = ("{\"sid\":\"SM" + String.format("%032d", ids.incrementAndGet()) + "\",\"status\":\"queued\"}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The sid the n-th accepted send got (1-based). */
    public static String sid(int n) {
        return "SM" + String.format("%032d", n);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
