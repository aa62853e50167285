package dev.moa.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the tests run there (surefire's working directory), or in kubernetes/ from an IDE. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("kubernetes"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("not inside the Moa repository: " + here);
    }
}
