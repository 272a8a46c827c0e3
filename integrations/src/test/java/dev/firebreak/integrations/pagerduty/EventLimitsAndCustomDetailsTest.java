package dev.firebreak.integrations.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventLimitsAndCustomDetailsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final CustomDetails customDetails = new CustomDetails(json);

    @Test
    void dedupKeyCutNeverSplitsASurrogatePair() {
        String key = "a".repeat(237) + "😀".repeat(20); // the cut point falls inside an emoji

        String cut = EventLimits.dedupKey(key);

        assertThat(cut.length()).isLessThanOrEqualTo(255);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 18))).isFalse();
        assertThat(cut).matches("a+-[0-9a-f]{16}");
        assertThat(EventLimits.dedupKey(key)).isEqualTo(cut);
    }

    @Test
    void emptyDedupKeysAreRejectedAndBlankSummariesReplaced() {
        assertThatThrownBy(() -> EventLimits.dedupKey("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(EventLimits.summary("  ")).isEqualTo("(no summary)");
        assertThat(EventLimits.summary(null)).isEqualTo("(no summary)");
        assertThat(EventLimits.summary("  disk full \n")).isEqualTo("disk full");
    }

    @Test
    void secretKeysAreRecognisedCaseInsensitively() {
        assertThat(List.of(
                        "token",
                        "X-Auth-Token",
                        "PASSWORD",
                        "db_passwd",
                        "client_secret",
                        "Authorization",
                        "api_key",
                        "apiKey",
                        "API-KEY",
                        "Cookie",
                        "set-cookie",
                        "aws_credentials",
                        "routing_key",
                        "private_key"))
                .allMatch(CustomDetails::isSecretKey);
        assertThat(List.of("alertname", "severity", "instance", "summary", "runbook_url", "namespace", "pod"))
                .noneMatch(CustomDetails::isSecretKey);
    }

    @Test
    void credentialLookingValuesAreRecognised() {
        assertThat(List.of(
                        "Bearer abcdefgh12345678",
                        "bearer abc.def.ghi-jkl",
                        "Basic dXNlcjpwYXNzd29yZA==",
                        "Token token=abcdef",
                        "xoxb-1234567890-abcdefghij",
                        "xapp-1-A111-222-abcdef",
                        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc",
                        "-----BEGIN RSA PRIVATE KEY-----\nMIIE",
                        "postgres://app:hunter2@db:5432/x"))
                .allMatch(CustomDetails::looksLikeSecret);
        assertThat(List.of(
                        "checkout is down",
                        "https://grafana.example.com/d/abc?orgId=1",
                        "bearer of bad news",
                        "token bucket exhausted",
                        "10.0.0.1:9100"))
                .noneMatch(CustomDetails::looksLikeSecret);
    }

    @Test
    void smallDetailsPassUnchangedExceptSecrets() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("n", 1.5);
        details.put("flag", true);
        details.put("nothing", null);
        details.put("list", List.of(1, "two"));
        details.put("password", "x");

        Map<String, Object> clean = customDetails.sanitize(details);

        assertThat(clean.keySet()).containsExactly("n", "flag", "nothing", "list");
        assertThat(clean.get("n")).isEqualTo(1.5);
        assertThat(clean.get("flag")).isEqualTo(true);
        assertThat(clean.get("nothing")).isNull();
        assertThat(clean.get("list")).isEqualTo(List.of(1, "two"));
    }

    @Test
    void deepNestingIsCutAndLongStringsShortened() {
        Map<String, Object> deep = new LinkedHashMap<>();
        Map<String, Object> cursor = deep;
        for (int i = 0; i < 20; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            cursor.put("level" + i, next);
            cursor = next;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deep", deep);
        details.put("long", "x".repeat(10_000));

        Map<String, Object> clean = customDetails.sanitize(details);

        String serialized = json.writeValueAsString(clean);
        assertThat(serialized).contains("\"…\"").doesNotContain("level19");
        assertThat((String) clean.get("long"))
                .hasSize(CustomDetails.MAX_STRING_CHARS)
                .endsWith("…");
        assertThat(serialized.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(EventLimits.MAX_CUSTOM_DETAILS_BYTES);
    }
}
