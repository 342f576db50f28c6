package io.contactcenter.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * An HTTP fuzz of every operation a service's OpenAPI document declares: hostile path parameters, query parameters of
 * the wrong type or size, malformed and mistyped JSON bodies (each property of the declared schema replaced in turn),
 * huge values, control characters, deep nesting, wrong content types. Every answer must be 2xx or 4xx within the
 * timeout; a 5xx, a timeout or a dropped connection is a finding. Streams (text/event-stream) and {@code /q/} are
 * left out. Seeded, so a finding can be replayed.
 */
public final class OpenApiFuzz {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** Path segments that reach a resource with an id no one has, or no sane id at all. */
    static final List<String> PATH_VALUES = List.of("fz-missing", "a", "x".repeat(300), "%2e%2e%2f%2e%2e", "..", "%00",
            "%0d%0a", "%E2%80%AE", "%F0%9F%92%A5", "%27%20or%201%3D1--", "%22", "%20", "-1", "99999999999999999999",
            "%ZZ", "%C0%AF", "%ED%A0%80");

    static final List<String> QUERY_VALUES = List.of("", "-1", "0", "abc", "1e400", "99999999999999999999", "x".repeat(5000),
            "%00", "%27", "2026-13-45T99:99:99Z", "P-1D", "true", "%F0%9F%92%A5", "%25", "null");

    /** Whole bodies, sent as application/json. */
    static final List<String> RAW_BODIES = List.of("", " ", "{", "}", "[]", "[{}]", "null", "\"text\"", "123", "-0", "true",
            "{\"a\":", "{\"a\":1,}", "{'a':1}", "\u0000", "{\"\u0000\":1}", "[".repeat(5000) + "]".repeat(5000),
            "{\"x\":" + "{\"x\":".repeat(3000) + "1" + "}".repeat(3001), "\"" + "x".repeat(1_100_000) + "\"",
            "{\"a\":1e400}", "{\"a\":\"\\ud800\"}");

    /** What each property of a well-formed body is replaced with, one at a time. */
    static final List<String> VALUES = List.of("null", "\"\"", "\"\\u0000\"", "\"" + "x".repeat(20_000) + "\"", "-1", "0",
            "1e308", "1e400", "9223372036854775808", "-9223372036854775809", "true", "[]", "{}", "[null]", "{\"k\":null}",
            "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"", "\"' or 1=1 --\"", "\"💥\"", "\"2026-13-45T99:99:99Z\"",
            "\"+00000000000000000000\"", "\"PT-5S\"", "\"VOICE\\u0000\"", "1.5", "\"1\"");

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> findings = new ArrayList<>();
    private final Random random;
    private JsonNode document;
    private int requests;

    private OpenApiFuzz(URI base, String token, long seed) {
        this.base = base;
        this.token = token;
        this.random = new Random(seed);
    }

    /** The result: how many requests went out, and every one that got a 5xx, timed out or lost its connection. */
    public record Report(int operations, int requests, List<String> findings) {
    }

    /** Fuzzes every operation of the service at {@code base} (its {@code /q/openapi}) with bearer {@code token}. */
    public static Report run(URI base, String token, long seed) throws Exception {
        return new OpenApiFuzz(base, token, seed).run();
    }

    private Report run() throws Exception {
        HttpResponse<String> spec = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        document = JSON.readTree(spec.body());
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method) || streams(op.getValue())) {
                    continue;
                }
                operations++;
                fuzz(method, path.getKey(), op.getValue());
            }
        }
        return new Report(operations, requests, List.copyOf(findings));
    }

    private void fuzz(String method, String template, JsonNode op) {
        List<String> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            if ("path".equals(p.path("in").asText())) {
                pathParams.add(p.path("name").asText());
            } else if ("query".equals(p.path("in").asText())) {
                queryParams.add(p);
            }
        }
        String mediaType = op.path("requestBody").path("content").fieldNames().hasNext()
                ? op.path("requestBody").path("content").fieldNames().next() : null;
        JsonNode schema = mediaType == null ? null : resolve(op.path("requestBody").path("content").path(mediaType).path("schema"));
        String normalBody = schema == null ? null : example(schema, 0).toString();
        String type = mediaType == null ? null : mediaType.contains("json") ? "application/json" : mediaType;

        // hostile path parameters, each in turn, with a well-formed body
        for (String name : pathParams) {
            for (String value : PATH_VALUES) {
                send(method, fill(template, pathParams, name, value), type, normalBody == null && type != null ? "{}" : normalBody);
            }
        }
        String path = fill(template, pathParams, null, null);
        // hostile query parameters, each in turn
        for (JsonNode q : queryParams) {
            for (String value : QUERY_VALUES) {
                send(method, path + "?" + q.path("name").asText() + "=" + value, type, normalBody);
            }
        }
        if (type == null) {
            send(method, path, null, null);
            return;
        }
        if (type.contains("json")) {
            for (String body : RAW_BODIES) {
                send(method, path, "application/json", body);
            }
            if (schema != null && schema.path("properties").isObject()) {
                for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
                    String property = names.next();
                    for (String value : VALUES) {
                        ObjectNode body = (ObjectNode) example(schema, 0);
                        body.set(property, parse(value));
                        send(method, path, "application/json", body.toString());
                    }
                }
            }
        } else {
            // text bodies (CSV import, YAML flows): random text, binary junk, an empty body
            for (int i = 0; i < 20; i++) {
                send(method, path, type, randomText(i * 40));
            }
            send(method, path, type, "");
        }
        // the right body under the wrong content type
        send(method, path, "text/plain", normalBody == null ? "{}" : normalBody);
        send(method, path, "application/xml", "<a/>");
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            // 1e400 and friends: Jackson reads them as big decimals or fails; send them as text then
            return JSON.getNodeFactory().textNode(value);
        }
    }

    private String fill(String template, List<String> names, String hostile, String value) {
        String out = template;
        for (String name : names) {
            out = out.replace("{" + name + "}", name.equals(hostile) ? value : "fz-" + Math.abs(random.nextInt() % 100000));
        }
        return out;
    }

    /** A body that follows the schema (as far as types go), so one property at a time can be made hostile. */
    private JsonNode example(JsonNode schema, int depth) {
        schema = resolve(schema);
        String type = schema.path("type").asText("object");
        if (depth > 4) {
            return JSON.getNodeFactory().nullNode();
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        switch (type) {
            case "object": {
                ObjectNode node = JSON.createObjectNode();
                for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = props.next();
                    node.set(p.getKey(), example(p.getValue(), depth + 1));
                }
                return node;
            }
            case "array":
                return JSON.createArrayNode().add(example(schema.path("items"), depth + 1));
            case "integer":
                return JSON.getNodeFactory().numberNode(1);
            case "number":
                return JSON.getNodeFactory().numberNode(1.5);
            case "boolean":
                return JSON.getNodeFactory().booleanNode(true);
            default:
                return JSON.getNodeFactory().textNode("date-time".equals(schema.path("format").asText())
                        ? "2026-01-05T10:00:00Z" : "fz-" + Math.abs(random.nextInt() % 100000));
        }
    }

    private JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            String ref = schema.path("$ref").asText();
            schema = document.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            return resolve(schema.path("allOf").get(0));
        }
        return schema;
    }

    private static boolean streams(JsonNode op) {
        for (JsonNode response : op.path("responses")) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    private String randomText(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(12);
            out.append(kind == 0 ? (char) random.nextInt(0x20) : kind == 1 ? ',' : kind == 2 ? '\n' : kind == 3 ? '"'
                    : (char) (0x20 + random.nextInt(0x5F)));
        }
        return out.toString();
    }

    private void send(String method, String path, String contentType, String body) {
        requests++;
        String what = method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path)
                + (contentType == null ? "" : " [" + contentType + "] " + abbreviate(body));
        URI uri;
        try {
            uri = URI.create(base.toString().replaceAll("/$", "") + path);
        } catch (IllegalArgumentException e) {
            return; // not a URI a client could send
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", token);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                findings.add(response.statusCode() + " for " + what + " -> " + abbreviate(response.body()));
            }
        } catch (java.net.http.HttpTimeoutException e) {
            findings.add("no answer within " + TIMEOUT.toSeconds() + " s for " + what);
        } catch (java.io.IOException e) {
            // a 413 answered before the body was sent closes the connection under the client: not a finding
            if (body == null || body.length() < 1_000_000) {
                findings.add("connection failed (" + e + ") for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replace("\n", "\\n");
        return flat.length() > 120 ? flat.substring(0, 120) + "… (" + s.length() + " chars)" : flat;
    }
}
