package io.contactcenter.events.notify;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be sent: https only (plain http only when {@code allowHttp}, for local trials), and only to a
 * host on the allow-list ({@code example.com} exactly, or {@code *.example.com} for its subdomains). A URL with user
 * info, or an empty allow-list, is refused. Checked when a partner's URL is stored and again before every delivery.
 * The NetworkPolicy keeps deliveries off internal addresses even if DNS points an allowed name there.
 */
public final class WebhookPolicy {

    private final List<String> allowedHosts;
    private final boolean allowHttp;

    public WebhookPolicy(List<String> allowedHosts, boolean allowHttp) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .toList();
        this.allowHttp = allowHttp;
    }

    public static WebhookPolicy of(NotifierConfig config) {
        return new WebhookPolicy(config.allowedHosts().orElse(List.of()), config.allowHttp());
    }

    /** Why {@code url} may not receive webhooks, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of("must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry user info");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return Optional.of("has no host");
        }
        if (allowedHosts.isEmpty()) {
            return Optional.of("cannot be used: no webhook host is allowed (cc.notifier.allowed-hosts)");
        }
        boolean allowed = allowedHosts.stream().anyMatch(a -> a.startsWith("*.")
                ? host.endsWith(a.substring(1)) && host.length() > a.length() - 1
                : host.equals(a));
        return allowed ? Optional.empty()
                : Optional.of("has host '" + host + "', which is not on the webhook allow-list (cc.notifier.allowed-hosts)");
    }
}
