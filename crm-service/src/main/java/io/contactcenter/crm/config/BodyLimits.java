package io.contactcenter.crm.config;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The CSV import streams files far larger than any JSON request, so crm-service raises the server-wide body limit
 * ({@code quarkus.http.limits.max-body-size}) for it alone and keeps every other endpoint at the suite's 1 MiB
 * here, before the body is read: too large by Content-Length → 413. A body that comes without a Content-Length (any
 * Transfer-Encoding, whatever codings it lists, or an HTTP/2 stream with none) could grow past the limit while it
 * streams, so it is refused with 411 unless it goes to the import.
 */
@ApplicationScoped
public class BodyLimits {

    static final String IMPORT_PATH = "/crm/customers/import";
    static final long DEFAULT_LIMIT = 1024 * 1024;

    void install(@Observes Router router) {
        router.route().order(-100).handler(BodyLimits::check);
    }

    private static void check(RoutingContext ctx) {
        if (ctx.normalizedPath().equals(IMPORT_PATH)) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                reject(ctx, 400, "Bad Request", "Content-Length '" + length + "' is not a number.");
                return;
            }
            if (bytes > DEFAULT_LIMIT) {
                reject(ctx, 413, "Payload Too Large", "The body has " + bytes + " bytes; this endpoint accepts at most "
                        + DEFAULT_LIMIT + " (only " + IMPORT_PATH + " takes large files).");
                return;
            }
        } else if (ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null || unframedHttp2Body(ctx)) {
            reject(ctx, 411, "Length Required", "Send a Content-Length; only " + IMPORT_PATH + " accepts bodies without one.");
            return;
        }
        ctx.next();
    }

    /** HTTP/2 needs no Content-Length; a request that may carry a body and names none is treated as unbounded. */
    private static boolean unframedHttp2Body(RoutingContext ctx) {
        var method = ctx.request().method();
        return ctx.request().version() == io.vertx.core.http.HttpVersion.HTTP_2
                && (method == io.vertx.core.http.HttpMethod.POST || method == io.vertx.core.http.HttpMethod.PUT
                        || method == io.vertx.core.http.HttpMethod.PATCH)
                && !ctx.request().isEnded();
    }

    private static void reject(RoutingContext ctx, int status, String title, String detail) {
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail.replace("\"", "'") + "\",\"instance\":\"" + ctx.normalizedPath().replace("\"", "") + "\"}";
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
