package dev.firebreak.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.slack.bolt.SlackSignatureVerifier.Outcome;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Slack's documented signing example (fixtures/slack/signing-test-vector.json), with an injected clock. */
class SlackSignatureVerifierTest {

    @SuppressWarnings("unchecked")
    static final Map<String, String> VECTOR = load();

    final String secret = VECTOR.get("signing_secret");
    final String ts = VECTOR.get("X-Slack-Request-Timestamp");
    final String signature = VECTOR.get("X-Slack-Signature");
    final byte[] body = VECTOR.get("body").getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheVectorAtItsOwnTime() {
        assertThat(at(Long.parseLong(ts)).verify(ts, signature, body)).isEqualTo(Outcome.OK);
        assertThat(at(Long.parseLong(ts) + 299).verify(ts, signature, body)).isEqualTo(Outcome.OK);
        assertThat(SlackSignatureVerifier.sign(secret, ts, body)).isEqualTo(signature);
    }

    @Test
    void rejectsTheVectorNowAsStale() {
        assertThat(new SlackSignatureVerifier(secret, Clock.systemUTC()).verify(ts, signature, body))
                .isEqualTo(Outcome.STALE);
        assertThat(at(Long.parseLong(ts) + 301).verify(ts, signature, body)).isEqualTo(Outcome.STALE);
    }

    @Test
    void rejectsFutureTimestampsBeyondTheSkew() {
        assertThat(at(Long.parseLong(ts) - 301).verify(ts, signature, body)).isEqualTo(Outcome.FUTURE);
        assertThat(at(Long.parseLong(ts) - 299).verify(ts, signature, body)).isEqualTo(Outcome.OK);
    }

    @Test
    void rejectsTamperingAndMissingParts() {
        SlackSignatureVerifier v = at(Long.parseLong(ts));
        byte[] tampered = (VECTOR.get("body") + "&x=1").getBytes(StandardCharsets.UTF_8);
        assertThat(v.verify(ts, signature, tampered)).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(v.verify(ts, signature.replace("v0=a", "v0=b"), body)).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(v.verify(ts, signature.substring(0, 20), body)).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(v.verify(ts, signature.toUpperCase(), body)).isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(v.verify(null, signature, body)).isEqualTo(Outcome.MISSING_HEADERS);
        assertThat(v.verify(ts, null, body)).isEqualTo(Outcome.MISSING_HEADERS);
        assertThat(v.verify("12x", signature, body)).isEqualTo(Outcome.BAD_TIMESTAMP);
        assertThat(new SlackSignatureVerifier("other", fixed(Long.parseLong(ts))).verify(ts, signature, body))
                .isEqualTo(Outcome.BAD_SIGNATURE);
        assertThat(new SlackSignatureVerifier(" ", fixed(Long.parseLong(ts))).verify(ts, signature, body))
                .isEqualTo(Outcome.NO_SECRET);
    }

    private SlackSignatureVerifier at(long epochSecond) {
        return new SlackSignatureVerifier(secret, fixed(epochSecond));
    }

    private static Clock fixed(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> load() {
        try (InputStream in =
                SlackSignatureVerifierTest.class.getResourceAsStream("/fixtures/slack/signing-test-vector.json")) {
            return JsonMapper.builder().build().readValue(in, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
