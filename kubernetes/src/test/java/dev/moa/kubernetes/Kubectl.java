package dev.moa.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomize overlay with {@code kubectl kustomize}, as an operator's {@code kubectl apply -k} would. A
 * machine without kubectl fails the build with the way to get it: the checks are never skipped silently.
 */
final class Kubectl {

    static final String INSTALL_HINT = "kubectl with its built-in kustomize (kubectl 1.27 or newer) renders "
            + "kubernetes/overlays: install the Debian package kubectl (apt-get install kubectl, from the Kubernetes "
            + "apt repository pkgs.k8s.io); Debian's own kubernetes-client package is too old on bookworm (1.20)";

    private static final long TIMEOUT_SECONDS = 60;

    private Kubectl() {
    }

    /** The YAML stream of the overlay at {@code kubernetes/overlays/<overlay>}, relative to the repository root. */
    static String kustomize(String overlay) {
        Path directory = Repository.root().resolve("kubernetes/overlays").resolve(overlay);
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no overlay " + directory);
        }
        return run(List.of(executable(System.getenv().getOrDefault("PATH", "")), "kustomize", directory.toString()));
    }

    /** kubectl on the given search path, or a failure that says how to install it. */
    static String executable(String searchPath) {
        for (String folder : searchPath.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("kubectl not found on PATH. " + INSTALL_HINT);
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            // Read stdout fully before waiting: a large render would otherwise fill the pipe and block kubectl.
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS
                        + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
