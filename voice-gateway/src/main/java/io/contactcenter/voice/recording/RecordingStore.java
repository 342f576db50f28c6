package io.contactcenter.voice.recording;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where finished call recordings are kept: the port an object store (S3-compatible, GCS) plugs into. The CRM keeps
 * only the URI this returns, never the audio.
 */
public interface RecordingStore {

    /** Moves the finished WAV at {@code file} into the store under {@code name}; where it is now. */
    URI store(String name, Path file) throws IOException;
}
