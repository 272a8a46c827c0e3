package dev.firebreak.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskerTest {

    private final Masker masker = new Masker(List.of("hunter2-db-password", "hunter2"));

    @Test
    void masksConfiguredSecretsLongestFirst() {
        assertThat(masker.mask("db=hunter2-db-password and hunter2")).isEqualTo("db=******** and ********");
    }

    @Test
    void masksTokenLookingValues() {
        String text = "slack xoxb-1234-5678-abcdefgh app xapp-1-A0-123456 Authorization: Bearer eyJhbGciOi.abc"
                + " aws AKIAIOSFODNN7EXAMPLE pd 0123456789abcdef0123456789abcdef password=letmein1";
        String masked = masker.mask(text);
        assertThat(masked)
                .doesNotContain(
                        "xoxb-1234",
                        "xapp-1-A0",
                        "eyJhbGciOi",
                        "AKIAIOSFODNN7EXAMPLE",
                        "0123456789abcdef0123456789abcdef",
                        "letmein1");
        assertThat(masked).contains("Bearer ********", "password=********");
    }

    @Test
    void masksInsideNestedOutputs() {
        Object out = masker.maskValue(Map.of("logs", List.of("conn hunter2"), "n", 3L));
        assertThat(out).isEqualTo(Map.of("logs", List.of("conn ********"), "n", 3L));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(masker.mask("restarted deployment shop/checkout (3 pods)"))
                .isEqualTo("restarted deployment shop/checkout (3 pods)");
    }
}
