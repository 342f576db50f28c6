package io.contactcenter.messaging.stream;

import io.contactcenter.messaging.config.MessagingConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Cross-origin access for the widget, and for nothing else: the customer's chat API ({@code /messaging/chat/}) answers
 * the sites in {@code cc.messaging.chat.widget-origins}; the agents' API keeps the browser's same-origin rule (it is
 * reached through web-console or the ingress). Quarkus' CORS filter would apply to every path, and would turn away the
 * agent desktop's own requests that a local proxy forwards with the desk's origin. No credentials: the widget sends its
 * chat token in a header, never a cookie.
 */
@ApplicationScoped
public class WidgetCors {

    private static final String METHODS = "GET, POST";
    private static final String HEADERS = "content-type, x-chat-token, last-event-id";

    private final Set<String> origins;

    public WidgetCors(MessagingConfig config) {
        this.origins = Set.copyOf(config.chat().widgetOrigins().stream().map(o -> o.replaceAll("/+$", "")).toList());
    }

    void routes(@Observes Router router) {
        router.route("/messaging/chat/*").order(-200).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        boolean allowed = origin != null && (origins.contains(origin) || origins.contains("*"));
        if (allowed) {
            ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .putHeader(HttpHeaders.VARY, "Origin");
        }
        if (ctx.request().method() == HttpMethod.OPTIONS && ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            if (!allowed) {
                ctx.response().setStatusCode(403).end();
                return;
            }
            ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HEADERS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
                    .setStatusCode(204).end();
            return;
        }
        ctx.next();
    }
}
