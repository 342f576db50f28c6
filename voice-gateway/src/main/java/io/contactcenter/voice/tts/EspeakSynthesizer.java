package io.contactcenter.voice.tts;

import io.contactcenter.voice.config.VoiceConfig;
import io.contactcenter.voice.media.AudioTools;
import io.contactcenter.voice.media.Clip;
import io.contactcenter.voice.media.Recording;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * espeak-ng (Debian) renders the text, sox resamples it to 8 kHz mono; the result is cached on disk by text, language
 * and voice, and in memory, so each prompt is synthesized once per replica however many calls hear it.
 */
@ApplicationScoped
public class EspeakSynthesizer implements SpeechSynthesizer {

    private static final int MAX_TEXT = 2000;

    private final Path cache;
    private final Map<String, String> voices = new LinkedHashMap<>();
    private final Map<String, Clip> memory = new ConcurrentHashMap<>();

    public EspeakSynthesizer(VoiceConfig config) {
        this.cache = config.ttsCache();
        for (String pair : config.ttsVoices()) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                voices.put(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT), pair.substring(eq + 1).trim());
            }
        }
    }

    @Override
    public Clip speak(String text, String language) {
        String spoken = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        String voice = voice(language);
        String key = sha256(voice + "\n" + spoken);
        return memory.computeIfAbsent(key, k -> render(k, spoken, voice));
    }

    String voice(String language) {
        String lang = language == null || language.isBlank() ? "en" : language.toLowerCase(Locale.ROOT);
        String v = voices.get(lang);
        if (v == null && lang.contains("-")) {
            v = voices.get(lang.substring(0, lang.indexOf('-')));
        }
        return v != null ? v : lang.replaceAll("[^a-z0-9-]", "");
    }

    private Clip render(String key, String text, String voice) {
        try {
            Files.createDirectories(cache);
            Path done = cache.resolve(key + ".wav");
            if (!Files.exists(done)) {
                Path raw = cache.resolve(key + ".espeak.wav");
                Path tmp = cache.resolve(key + "." + ProcessHandle.current().pid() + ".tmp.wav");
                AudioTools.run("espeak-ng", "-v", voice, "-w", raw.toString(), "--", text);
                AudioTools.resample(raw, tmp);
                Files.move(tmp, done, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.deleteIfExists(raw);
            }
            return new Clip(Recording.Wav.read(Files.readAllBytes(done)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
