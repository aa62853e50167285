package dev.moa.devstack;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    /** Kafka's broker and controller once got the same free port, and the broker refused to start. */
    @Test
    void neverHandsOutOnePortTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(ports.add(FreePorts.resolve(0))).isTrue();
        }
    }

    @Test
    void keepsAFixedPort() {
        assertThat(FreePorts.resolve(15432)).isEqualTo(15432);
    }
}
