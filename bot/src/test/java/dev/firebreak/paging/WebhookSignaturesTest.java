package dev.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    byte[] body = "{\"event\":{\"id\":\"01ABC\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheRightSignatureAndRejectsOthers() {
        String sig = WebhookSignatures.sign("s1", body);
        assertThat(sig).matches("v1=[0-9a-f]{64}");
        assertThat(WebhookSignatures.valid(body, sig, List.of("s1"))).isTrue();
        assertThat(WebhookSignatures.valid(body, sig.toUpperCase().replace("V1=", "v1="), List.of("s1")))
                .isTrue();
        assertThat(WebhookSignatures.valid(body, sig, List.of("other"))).isFalse();
        byte[] tampered = "{\"event\":{\"id\":\"01ABD\"}}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.valid(tampered, sig, List.of("s1"))).isFalse();
    }

    @Test
    void anySignatureMayMatchAnySecretDuringRotation() {
        String header = WebhookSignatures.sign("old", body) + ", " + WebhookSignatures.sign("new", body);
        assertThat(WebhookSignatures.valid(body, header, List.of("new"))).isTrue();
        assertThat(WebhookSignatures.valid(body, header, List.of("old"))).isTrue();
        assertThat(WebhookSignatures.valid(body, WebhookSignatures.sign("old", body), List.of("new", "old")))
                .isTrue();
    }

    @Test
    void missingOrMalformedSignaturesAndNoSecretsAreRejected() {
        String sig = WebhookSignatures.sign("s1", body);
        assertThat(WebhookSignatures.valid(body, null, List.of("s1"))).isFalse();
        assertThat(WebhookSignatures.valid(body, "", List.of("s1"))).isFalse();
        assertThat(WebhookSignatures.valid(body, "v1=zz", List.of("s1"))).isFalse();
        assertThat(WebhookSignatures.valid(body, sig.replace("v1=", "v0="), List.of("s1")))
                .isFalse();
        assertThat(WebhookSignatures.valid(body, sig, List.of())).isFalse();
    }
}
