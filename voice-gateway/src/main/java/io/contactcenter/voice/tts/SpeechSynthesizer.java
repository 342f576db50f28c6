package io.contactcenter.voice.tts;

import io.contactcenter.voice.media.Clip;

/** Text to speech for {@code say} actions: the port a cloud TTS can replace. */
public interface SpeechSynthesizer {

    /** The text spoken in {@code language} (an IETF tag such as {@code en} or {@code fa}), as 8 kHz audio. */
    Clip speak(String text, String language);
}
