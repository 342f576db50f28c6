package io.contactcenter.events.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The bearer token a service presents to its peers. Tokens are short-lived, so in production it comes from a
 * file the platform rotates (a mounted Secret kept fresh by external-secrets, a CSI driver or an identity
 * provider's sidecar); the file is read again when it changes, without a restart. A fixed value is still
 * accepted for trials. The file is looked at no more than every few seconds, so a call pays for a stat at most.
 */
public final class ServiceToken {

    private static final long RECHECK_NANOS = 5_000_000_000L;

    private final Optional<String> fixed;
    private final Optional<Path> file;
    private final LongSupplier nanoTime;
    private volatile String current;
    private volatile long modified = Long.MIN_VALUE;
    private volatile long checkedAt;

    public ServiceToken(Optional<String> fixed, Optional<Path> file) {
        this(fixed, file, System::nanoTime);
    }

    ServiceToken(Optional<String> fixed, Optional<Path> file, LongSupplier nanoTime) {
        this.fixed = fixed.filter(t -> !t.isBlank());
        this.file = file;
        this.nanoTime = nanoTime;
        this.checkedAt = nanoTime.getAsLong() - RECHECK_NANOS;
    }

    /** The token to send now, or null when none is configured (the peer then answers 401). */
    public String current() {
        if (file.isEmpty()) {
            return fixed.orElse(null);
        }
        long now = nanoTime.getAsLong();
        if (now - checkedAt >= RECHECK_NANOS) {
            checkedAt = now;
            reload(file.get());
        }
        return current != null ? current : fixed.orElse(null);
    }

    private void reload(Path path) {
        try {
            long at = Files.getLastModifiedTime(path).toMillis();
            if (at != modified) {
                String token = Files.readString(path, StandardCharsets.UTF_8).strip();
                current = token.isEmpty() ? null : token;
                modified = at;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            current = null; // not written yet: keep asking
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service token file " + path, e);
        }
    }
}
