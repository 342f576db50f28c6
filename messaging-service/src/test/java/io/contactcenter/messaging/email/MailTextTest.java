package io.contactcenter.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailTextTest {

    @Test
    void keepsWhatTheCustomerWroteAboveTheQuote() {
        assertThat(MailText.newPart("Yes, tomorrow works.\r\n\r\nOn Mon, 7 Dec 2026 at 10:00, Support <s@example.com> wrote:\r\n> When?"))
                .isEqualTo("Yes, tomorrow works.");
        assertThat(MailText.newPart("Danke!\n\nAm 07.12.2026 um 10:00 schrieb Support <s@example.com>:\n> Wann?")).isEqualTo("Danke!");
        assertThat(MailText.newPart("Thanks\n-----Original Message-----\nFrom: x")).isEqualTo("Thanks");
        assertThat(MailText.newPart("> only a quote")).as("nothing new: keep it whole").isEqualTo("> only a quote");
        assertThat(MailText.newPart("Line one\nline two")).isEqualTo("Line one\nline two");
    }

    @Test
    void turnsHtmlIntoText() {
        assertThat(MailText.fromHtml("<html><style>p{}</style><p>Hello&nbsp;there</p><p>A &amp; B<br>C</p></html>"))
                .isEqualTo("Hello there\n\nA & B\nC");
    }

    @Test
    void listsThreadReferencesNearestFirst() {
        assertThat(MailText.references("<c@x>", "<a@x> <b@x>\r\n <c@x>")).containsExactly("<c@x>", "<b@x>", "<a@x>");
        assertThat(MailText.references(null, null)).isEmpty();
    }
}
