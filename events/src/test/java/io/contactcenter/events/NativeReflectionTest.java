package io.contactcenter.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * In a native image Jackson can only read and write the classes registered for reflection. Every record of the
 * events module travels as JSON (events, commands, calendars, notifications), so each must be registered, or the
 * native build of a service fails at run time on the first event of that type.
 */
class NativeReflectionTest {

    @Test
    void everyRecordOfTheEventsModuleIsRegisteredForReflection() throws IOException, URISyntaxException {
        Path classes = Path.of(EventCodec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> unregistered;
        List<Class<?>> records;
        try (Stream<Path> files = Files.walk(classes)) {
            records = files.map(classes::relativize).map(Path::toString)
                    .filter(f -> f.endsWith(".class") && !f.contains("module-info"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .map(NativeReflectionTest::load)
                    .filter(Class::isRecord)
                    .toList();
        }
        unregistered = records.stream().filter(c -> !c.isAnnotationPresent(RegisterForReflection.class))
                .map(Class::getName).toList();
        assertThat(records).as("records found in the events module").hasSizeGreaterThan(20);
        assertThat(unregistered).as("records without @RegisterForReflection").isEmpty();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeReflectionTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
