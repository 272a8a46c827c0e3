package dev.firebreak.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The offline replay decides what the live intake decides: the project's recorded fixtures and the longer storm
 * capture from two real Alertmanagers ({@code replay/storm-ha-truncated.ndjson}, see
 * {@link RealAlertmanagerCaptureTest}) are posted to the running bot and replayed offline with the same
 * configuration (storm breaker off: posted faster than recorded, the breaker's window would see another storm; the
 * storm breaker's parity is {@link RealAlertmanagerCaptureTest}'s); both end with the same incidents (groups, status,
 * severity, alerts, title).
 */
@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.storm.enabled=false",
            "firebreak.test.context=replay-parity"
        })
class ReplayMatchesLiveIntakeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fixturesAndTheStormCaptureReplayToTheLiveIncidents() throws IOException {
        List<Captures.Entry> capture = new ArrayList<>();
        for (String f : ReplayParity.FIXTURES) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/alertmanager/" + f)) {
                capture.addAll(Captures.read(in));
            }
        }
        try (InputStream in = getClass().getResourceAsStream("/replay/storm-ha-truncated.ndjson")) {
            List<Captures.Entry> storm = Captures.read(in);
            assertThat(storm).hasSizeGreaterThan(40);
            capture.addAll(storm);
        }
        ReplayParity.postLive(port, "am-token", capture);

        List<String> live = ReplayParity.live(jdbc, ReplayParity.groupKeys(capture));
        List<String> offline = ReplayParity.offline(ReplayCliTest.resource("replay/no-storm.yml"), capture);
        assertThat(live).hasSizeGreaterThan(15);
        assertThat(offline).containsExactlyElementsOf(live);
    }

    @Test
    void recordingsAndPlainPayloadsAreTheSameCapture() {
        String payload = "{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"X\\\"}\",\"status\":\"firing\","
                + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\"},\"startsAt\":\"2026-12-01T05:00:00Z\","
                + "\"fingerprint\":\"f1\"}]}";
        String recording = "{\"receivedAt\":\"2026-12-01T05:00:01Z\",\"status\":200,\"outcome\":\"opened\","
                + "\"headers\":{\"content-type\":\"application/json\"},\"payload\":" + payload + "}";
        List<Captures.Entry> plain =
                Captures.read(new ByteArrayInputStream((payload + "\n").getBytes(StandardCharsets.UTF_8)));
        List<Captures.Entry> recorded =
                Captures.read(new ByteArrayInputStream((recording + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(plain).hasSize(1);
        assertThat(recorded).hasSize(1);
        assertThat(new String(recorded.get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(plain.get(0).body(), StandardCharsets.UTF_8));
        assertThat(recorded.get(0).receivedAt()).hasToString("2026-12-01T05:00:01Z");
        assertThat(plain.get(0).receivedAt()).isNull();
    }
}
