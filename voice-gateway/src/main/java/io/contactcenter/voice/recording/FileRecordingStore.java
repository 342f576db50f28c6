package io.contactcenter.voice.recording;

import io.contactcenter.voice.config.VoiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The default store: a directory (a mounted volume in Kubernetes), one folder per UTC day. */
@ApplicationScoped
public class FileRecordingStore implements RecordingStore {

    private final Path root;

    public FileRecordingStore(VoiceConfig config) {
        this.root = config.recording().dir();
    }

    @Override
    public URI store(String name, Path file) throws IOException {
        Path day = root.resolve(LocalDate.now(ZoneOffset.UTC).toString());
        Files.createDirectories(day);
        Path target = day.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".wav");
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        return target.toAbsolutePath().toUri();
    }
}
