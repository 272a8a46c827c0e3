package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class WebhookCredentialsTest {

    static AlertmanagerSettings settings(String token, String user, String password) {
        return new AlertmanagerSettings(token, user, password, DataSize.ofMegabytes(5), null, Severity.SEV4);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bearerToken() {
        WebhookCredentials c = new WebhookCredentials(settings("s3cr3t-token", null, null));
        assertThat(c.accepts("Bearer s3cr3t-token")).isTrue();
        assertThat(c.accepts("bearer s3cr3t-token"))
                .as("scheme is case-insensitive")
                .isTrue();
        assertThat(c.accepts("Bearer s3cr3t-tokeN")).isFalse();
        assertThat(c.accepts("Bearer s3cr3t-token2")).isFalse();
        assertThat(c.accepts("s3cr3t-token")).isFalse();
        assertThat(c.accepts("")).isFalse();
        assertThat(c.accepts(null)).isFalse();
        assertThat(c.accepts(basic("alertmanager", "s3cr3t-token"))).isFalse();
    }

    @Test
    void basicAuthFromTheCapturedHeader() {
        WebhookCredentials c = new WebhookCredentials(settings(null, "alertmanager", "hunter2"));
        assertThat(c.accepts("Basic YWxlcnRtYW5hZ2VyOmh1bnRlcjI=")).isTrue(); // fixtures/firing-truncated.headers
        assertThat(c.accepts(basic("alertmanager", "hunter3"))).isFalse();
        assertThat(c.accepts(basic("root", "hunter2"))).isFalse();
        assertThat(c.accepts("Bearer hunter2")).isFalse();
    }

    @Test
    void bothSchemesAtOnce() {
        WebhookCredentials c = new WebhookCredentials(settings("tok", "u", "p"));
        assertThat(c.accepts("Bearer tok")).isTrue();
        assertThat(c.accepts(basic("u", "p"))).isTrue();
        assertThat(c.accepts("Bearer p")).isFalse();
    }

    @Test
    void nothingConfiguredMeansAGeneratedTokenNotAnOpenDoor() {
        WebhookCredentials c = new WebhookCredentials(settings(null, null, null));
        assertThat(c.accepts(null)).isFalse();
        assertThat(c.accepts("Bearer ")).isFalse();
        assertThat(c.accepts("Bearer null")).isFalse();
        assertThat(c.accepts(basic("", ""))).isFalse();
    }
}
