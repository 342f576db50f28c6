package io.contactcenter.web.proxy;

import io.contactcenter.web.config.WebConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Forwards the pages' API calls to the services, so the pages and the APIs share one origin (the pages' CSP allows
 * only {@code connect-src 'self'}) and the bearer token never crosses origins. In Kubernetes the ingress routes the
 * same prefixes to the services and this forwards nothing. Server-Sent Events stream through unbuffered.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    /** The public API prefixes the pages use; nothing else is forwarded (no /q/, no /admin/). */
    static final Set<String> PREFIXES = Set.of("routing", "ivr", "callbacks", "crm", "reports", "messaging");

    private final WebConfig config;
    private final Vertx vertx;

    public ApiProxy(WebConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void routes(@Observes Router router) {
        for (Map.Entry<String, String> upstream : config.upstreams().entrySet()) {
            String prefix = upstream.getKey();
            if (!PREFIXES.contains(prefix)) {
                throw new IllegalArgumentException("cc.web.upstreams." + prefix + ": not an API prefix; use one of "
                        + PREFIXES);
            }
            URI target = URI.create(upstream.getValue());
            boolean tls = "https".equals(target.getScheme());
            int port = target.getPort() > 0 ? target.getPort() : tls ? 443 : 80;
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setSsl(tls).setKeepAlive(true)
                    .setMaxPoolSize(64).setConnectTimeout(2000).setIdleTimeout(0));
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(port, target.getHost());
            ProxyHandler handler = ProxyHandler.create(proxy);
            router.route("/" + prefix + "/*").order(-10).handler(handler);
            router.route("/" + prefix).order(-10).handler(handler);
            LOG.infof("forwarding /%s/* to %s", prefix, target);
        }
    }

    void started(@Observes StartupEvent ignored) {
        if (config.upstreams().isEmpty()) {
            LOG.info("no cc.web.upstreams: API paths are expected to be routed by the ingress");
        }
    }
}
