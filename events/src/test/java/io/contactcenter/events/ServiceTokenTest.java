package io.contactcenter.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactcenter.events.security.ServiceToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTokenTest {

    @TempDir
    Path dir;

    @Test
    void rotatedFileIsPickedUpWithoutRestart() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "first\n");
        ServiceToken token = new ServiceToken(Optional.empty(), Optional.of(file));
        assertThat(token.current()).isEqualTo("first");
        Files.writeString(file, "second");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        // re-read at most every few seconds: the old one until then
        assertThat(token.current()).isEqualTo("first");
        Thread.sleep(5_100);
        assertThat(token.current()).isEqualTo("second");
    }

    @Test
    void fixedValueWhenNoFileAndNullWhenNothing() {
        assertThat(new ServiceToken(Optional.of("abc"), Optional.empty()).current()).isEqualTo("abc");
        assertThat(new ServiceToken(Optional.empty(), Optional.empty()).current()).isNull();
        assertThat(new ServiceToken(Optional.empty(), Optional.of(dir.resolve("missing"))).current()).isNull();
    }
}
