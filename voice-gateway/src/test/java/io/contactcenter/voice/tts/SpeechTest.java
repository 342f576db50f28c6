package io.contactcenter.voice.tts;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.voice.VoiceStack;
import io.contactcenter.voice.media.Clip;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Prompts rendered by the real espeak-ng and sox, in English and in Persian (the language the suite grew up in). */
@QuarkusTest
@VoiceStack
class SpeechTest {

    private static final String PERSIAN = "با سلام، به مرکز تماس خوش آمدید. برای گفتگو با کارشناس، عدد یک را فشار دهید.";

    @Inject
    EspeakSynthesizer tts;

    @Test
    void persianIsSpokenWithThePersianVoiceAtTelephoneRate() {
        assertThat(tts.voice("fa")).isEqualTo("fa");
        assertThat(tts.voice("fa-IR")).as("a regional tag falls back to its language").isEqualTo("fa");
        Clip persian = tts.speak(PERSIAN, "fa");
        // about four seconds of speech for two sentences, most of it voiced
        assertThat(persian.millis()).isBetween(2500L, 12000L);
        assertThat(voicedShare(persian.pcm())).isGreaterThan(0.5);
        // the English voice reads Persian script as something else entirely (letter names or nothing): not the same audio
        Clip misread = tts.speak(PERSIAN, "en");
        assertThat(misread.millis()).isNotEqualTo(persian.millis());
    }

    @Test
    void aPromptIsRenderedOnceAndServedFromTheCache() {
        Clip first = tts.speak("Your call is important to us.", "en");
        Clip again = tts.speak("Your call is important to us.", "en");
        assertThat(again).isSameAs(first);
        assertThat(first.millis()).isBetween(1000L, 4000L);
    }

    private static double voicedShare(short[] pcm) {
        int frames = 0;
        int voiced = 0;
        for (int i = 0; i + 160 <= pcm.length; i += 160, frames++) {
            long sum = 0;
            for (int j = 0; j < 160; j++) {
                sum += Math.abs(pcm[i + j]);
            }
            voiced += sum / 160 >= 100 ? 1 : 0;
        }
        return frames == 0 ? 0 : (double) voiced / frames;
    }
}
