package io.contactcenter.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void countsGsmSegmentsOf160And153AndUcs2SegmentsOf70And67() {
        assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(307))).isEqualTo(3);
        assertThat(SmsText.segments("€".repeat(80))).as("extension characters count twice").isEqualTo(1);
        assertThat(SmsText.segments("€".repeat(81))).isEqualTo(2);
        assertThat(SmsText.segments("سلام".repeat(17))).as("68 Persian characters: one UCS-2 segment").isEqualTo(1);
        assertThat(SmsText.segments("سلام".repeat(18))).isEqualTo(2);
        assertThat(SmsText.gsm7("Grüße aus Köln")).isTrue();
        assertThat(SmsText.gsm7("Grüße 👋")).isFalse();
    }

    @Test
    void keepsATextThatFitsAndSplitsALongOneAtWordsIntoNumberedParts() {
        assertThat(SmsText.split("short", 1600)).containsExactly("short");
        String words = "word ".repeat(100).strip(); // 499 characters
        List<String> parts = SmsText.split(words, 100);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(100));
        assertThat(parts.get(0)).endsWith(" (1/" + parts.size() + ")").doesNotContain("wor (");
        assertThat(String.join(" ", parts.stream().map(p -> p.replaceAll(" \\(\\d+/\\d+\\)$", "")).toList()))
                .as("joined again, the parts are the text").isEqualTo(words);
    }

    @Test
    void neverCutsAnEmojiInHalf() {
        String emojis = "😀".repeat(60); // 120 UTF-16 units, no spaces
        List<String> parts = SmsText.split(emojis, 41);
        assertThat(parts).allSatisfy(p -> assertThat(Character.isHighSurrogate(p.charAt(p.indexOf(" (") - 1))).isFalse());
        assertThat(String.join("", parts.stream().map(p -> p.replaceAll(" \\(\\d+/\\d+\\)$", "")).toList())).isEqualTo(emojis);
    }
}
