package dev.moa.banksim;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorOptionsTest {

    @Test
    void defaultsListenOn8090WithTheAdminApiOffForLackOfAKey() {
        SimulatorOptions options = SimulatorOptions.parse(new String[0], Map.of());

        assertThat(options.port()).isEqualTo(8090);
        assertThat(options.adminPort()).isEqualTo(8091);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.adminEnabled()).isFalse();
        assertThat(options.faults()).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        SimulatorOptions options = SimulatorOptions.parse(new String[]{"--port=9000", "--decline-rate", "0.25"},
                Map.of("MOA_BANK_SIM_PORT", "9100", "MOA_BANK_SIM_LATENCY_MIN_MS", "5",
                        "MOA_BANK_SIM_LATENCY_MAX_MS", "50", "MOA_BANK_SIM_ADMIN_KEY", "0123456789abcdef"));

        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.faults().declineRate()).isEqualTo(0.25);
        assertThat(options.faults().latencyMinMillis()).isEqualTo(5);
        assertThat(options.faults().latencyMaxMillis()).isEqualTo(50);
        assertThat(options.adminEnabled()).isTrue();
    }

    @Test
    void productionModeTurnsTheAdminApiOffEvenWithAKey() {
        SimulatorOptions flag = SimulatorOptions.parse(new String[]{"--production"},
                Map.of("MOA_BANK_SIM_ADMIN_KEY", "0123456789abcdef"));
        SimulatorOptions environment = SimulatorOptions.parse(new String[0],
                Map.of("MOA_BANK_SIM_ADMIN_KEY", "0123456789abcdef", "MOA_BANK_SIM_PRODUCTION", "true"));

        assertThat(flag.adminEnabled()).isFalse();
        assertThat(environment.adminEnabled()).isFalse();
    }

    @Test
    void anOutageFromTheStartIsAnOption() {
        SimulatorOptions options = SimulatorOptions.parse(new String[]{"--outage-ms", "1500"}, Map.of());

        assertThat(options.faults().outage()).isTrue();
        assertThat(options.faults().outageMillis()).isEqualTo(1500);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[]{"--prot", "1"}, Map.of()))
                .hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[]{"--port", "x"}, Map.of()))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[]{"--drop-rate", "2"}, Map.of()))
                .hasMessageContaining("dropRate");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[0], Map.of("MOA_BANK_SIM_ADMIN_KEY", "short")))
                .hasMessageContaining("at least 16");
    }

    @Test
    void holderNamesCompareNormalized() {
        assertThat(HolderNames.same("  Kim\u3000 Min-su ", "kim min-su")).isTrue();
        assertThat(HolderNames.same("\u1100\u1175\u11B7", "김")).isTrue();
        assertThat(HolderNames.same("Kim Minsu", "Kim Minso")).isFalse();
    }
}
