package io.contactcenter.events.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPolicyTest {

    private final WebhookPolicy policy = new WebhookPolicy(List.of("hooks.acme.example", "*.partner.example"), false);

    @Test
    void allowsHttpsToListedHostsAndTheirWildcardSubdomains() {
        assertThat(policy.refusal("https://hooks.acme.example/cc")).isEmpty();
        assertThat(policy.refusal("https://a.b.partner.example:8443/x?y=1")).isEmpty();
    }

    @Test
    void refusesEverythingElseWithAReason() {
        assertThat(policy.refusal("http://hooks.acme.example/cc")).hasValue("must be an https URL");
        assertThat(policy.refusal("https://partner.example/x")).get().asString().contains("allow-list");
        assertThat(policy.refusal("https://evilpartner.example/x")).get().asString().contains("allow-list");
        assertThat(policy.refusal("https://169.254.169.254/latest")).get().asString().contains("allow-list");
        assertThat(policy.refusal("https://u:p@hooks.acme.example/")).hasValue("must not carry user info");
        assertThat(policy.refusal("not a url")).isPresent();
        assertThat(new WebhookPolicy(List.of(), true).refusal("https://hooks.acme.example/")).get().asString()
                .contains("no webhook host is allowed");
    }

    @Test
    void signatureVerifiesOnlyTheSameBodyTimeAndSecret() {
        String sig = WebhookSignature.sign("s3cret", 1_700_000_000L, "{\"a\":1}");
        assertThat(sig).startsWith("v1=").hasSize(3 + 64);
        assertThat(WebhookSignature.verify("s3cret", "1700000000", "{\"a\":1}", sig, 1_700_000_100L, 300)).isTrue();
        assertThat(WebhookSignature.verify("s3cret", "1700000000", "{\"a\":2}", sig, 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("other", "1700000000", "{\"a\":1}", sig, 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "1700000000", "{\"a\":1}", sig, 1_700_001_000L, 300))
                .as("too old: a replay").isFalse();
    }
}
