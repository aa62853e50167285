package dev.moa.chassis;

import dev.moa.events.MoaEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every record and enum of platform/events is registered for reflection, so a native image reads and writes it. */
class JsonReflectionTest {

    @Test
    void everyEventTypeIsRegisteredForReflection() throws Exception {
        RegisterForReflection registration = JsonReflection.class.getAnnotation(RegisterForReflection.class);
        Set<String> registered = Arrays.stream(registration.targets()).map(Class::getName).collect(Collectors.toSet());

        Set<String> missing = new TreeSet<>();
        for (String name : eventClassNames()) {
            Class<?> type = Class.forName(name, false, MoaEvent.class.getClassLoader());
            boolean needsReflection = (type.isRecord() || type.isEnum()) && type.getEnclosingClass() == null;
            if (needsReflection && !registered.contains(name)) {
                missing.add(name + ".class");
            }
        }

        assertThat(missing).as("event types missing from JsonReflection's targets").isEmpty();
    }

    /** The classes of the platform/events module, from its folder (reactor build) or its jar. */
    private static List<String> eventClassNames() throws IOException, URISyntaxException {
        Path location = Path.of(MoaEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(Files::isRegularFile)
                        .map(file -> location.relativize(file).toString().replace('\\', '/'))
                        .forEach(entries::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(java.util.jar.JarEntry::getName).forEach(entries::add);
            }
        }
        List<String> classes = entries.stream()
                .filter(entry -> entry.startsWith("dev/moa/events/") && entry.endsWith(".class"))
                .map(entry -> entry.substring(0, entry.length() - ".class".length()).replace('/', '.'))
                .toList();
        assertThat(classes).as("classes of platform/events at " + location).contains(MoaEvent.class.getName());
        return classes;
    }
}
