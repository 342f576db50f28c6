package io.contactcenter.web.config;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * The pages' Content-Security-Policy: scripts, styles and data from this origin only, and connections to this origin
 * and the identity provider's origin (discovery, token endpoint), not to its path alone, as a CSP source with a path
 * would allow.
 */
@ApplicationScoped
public class PageSecurityHeaders {

    private final String policy;

    public PageSecurityHeaders(WebConfig config) {
        String idp = config.oidc().authority().map(PageSecurityHeaders::origin).map(o -> " " + o).orElse("");
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' data:;"
                + " connect-src 'self'" + idp + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self';"
                + " object-src 'none'";
    }

    static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
    }

    @RouteFilter
    void headers(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path.startsWith("/desk") || path.startsWith("/console")) {
            rc.response().putHeader("Content-Security-Policy", policy).putHeader("Cache-Control", "no-cache");
        }
        rc.next();
    }
}
