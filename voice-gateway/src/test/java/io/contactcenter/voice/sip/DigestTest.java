package io.contactcenter.voice.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.voice.phone.Phones;
import javax.sip.SipFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import org.junit.jupiter.api.Test;

class DigestTest {

    /** RFC 2617 §3.5's worked example, with qop=auth. */
    @Test
    void acceptsTheRfcExampleAndRefusesAnyChange() throws Exception {
        HeaderFactory h = SipFactory.getInstance().createHeaderFactory();
        String ha1 = Phones.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        AuthorizationHeader auth = (AuthorizationHeader) h.createHeader("Authorization",
                "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
                        + " uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\","
                        + " response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        assertThat(Digest.matches(auth, "GET", ha1)).isTrue();
        assertThat(Digest.matches(auth, "POST", ha1)).isFalse();
        assertThat(Digest.matches(auth, "GET", Phones.ha1("Mufasa", "testrealm@host.com", "circle of life"))).isFalse();
    }
}
