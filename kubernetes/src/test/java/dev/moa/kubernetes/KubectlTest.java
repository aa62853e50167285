package dev.moa.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without kubectl the checks fail and say how to install it; they are never skipped. */
class KubectlTest {

    @Test
    void aMachineWithoutKubectlFailsNamingTheDebianPackage(@TempDir Path emptyFolder) {
        assertThatThrownBy(() -> Kubectl.executable(emptyFolder.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kubectl not found").hasMessageContaining("apt-get install kubectl");
    }

    @Test
    void kubectlIsFoundOnThePath() {
        assertThat(Path.of(Kubectl.executable(System.getenv().getOrDefault("PATH", ""))))
                .isExecutable().hasFileName("kubectl");
    }
}
