package io.contactcenter.messaging.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactcenter.messaging.config.MessagingConfig;
import io.contactcenter.messaging.delivery.Refused;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SMS through Twilio's Messages API (or any API that speaks it): a form POST to
 * {@code /2010-04-01/Accounts/{sid}/Messages.json} with basic authentication. A 4xx answer is a refusal for good; a 5xx,
 * a timeout or a lost connection may be retried.
 */
@ApplicationScoped
public class TwilioSms implements SmsProvider {

    private final MessagingConfig.Sms config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public TwilioSms(MessagingConfig config, ObjectMapper json) {
        this.config = config.sms();
        this.json = json;
    }

    @Override
    public boolean enabled() {
        return config.authToken().isPresent() && config.accountSid().isPresent() && config.from().isPresent();
    }

    @Override
    public Uni<String> send(String to, String text, String statusCallback) {
        String sid = config.accountSid().orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put(config.from().orElseThrow().startsWith("MG") ? "MessagingServiceSid" : "From", config.from().orElseThrow());
        form.put("Body", text);
        if (statusCallback != null) {
            form.put("StatusCallback", statusCallback);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((sid + ":" + config.authToken().orElseThrow())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.apiUrl().replaceAll("/+$", "")
                        + "/2010-04-01/Accounts/" + URLEncoder.encode(sid, StandardCharsets.UTF_8) + "/Messages.json"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(r -> {
                    JsonNode answer = read(r.body());
                    if (r.statusCode() / 100 == 2 && answer.hasNonNull("sid")) {
                        return answer.get("sid").asText();
                    }
                    String why = "provider answered " + r.statusCode() + ": " + answer.path("message").asText(r.body());
                    if (r.statusCode() / 100 == 4 && r.statusCode() != 429) {
                        throw new Refused(why);
                    }
                    throw new IllegalStateException(why);
                });
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            return json.nullNode();
        }
    }
}
