package dev.moa.banking;

import dev.moa.banking.member.HolderNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HolderNamesTest {

    @Test
    void caseAndSpacesDoNotCount() {
        assertThat(HolderNames.same("  Kim   Min-su ", "kim min-su")).isTrue();
        assertThat(HolderNames.same("Kim\u3000Minsu", "Kim Minsu")).isTrue();
    }

    @Test
    void composedAndDecomposedHangulAreTheSameName() {
        assertThat(HolderNames.same("\u1100\u1175\u11B7\u1106\u1175\u11AB\u1109\u116E", "김민수")).isTrue();
    }

    @Test
    void lettersAndPunctuationCount() {
        assertThat(HolderNames.same("Kim Minsu", "Kim Min-su")).isFalse();
        assertThat(HolderNames.same("Kim Minsu", "Kim Minso")).isFalse();
        assertThat(HolderNames.same("Kim Minsu", null)).isFalse();
    }
}
