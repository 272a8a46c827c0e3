package dev.firebreak.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.bolt.App;
import com.slack.api.socket_mode.SocketModeClient;
import dev.firebreak.slack.bolt.SlackSocketMode;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wiring with an app token and an injected clock:
 * <ul>
 * <li>Socket Mode is built and started with the application: it asks Slack for a WebSocket URL
 * ({@code apps.connections.open}, with the app token) through the configured API URL. The fake refuses
 * (no real WebSocket is possible here), so it keeps retrying without blocking startup.</li>
 * <li>The endpoint verifies signatures against the injected {@link Clock}: Slack's documented example
 * (fixtures/slack/signing-test-vector.json) is accepted at its own time and refused an hour later.</li>
 * </ul>
 */
@FirebreakTest(
        properties = {
            "firebreak.slack.bot-token=xoxb-test",
            "firebreak.slack.app-token=xapp-1-test",
            "firebreak.slack.signing-secret=8f742231b10e8888abcd99yyyzzz85a5",
            "firebreak.outbox.enabled=false"
        })
@Import(TestClock.class)
class SlackWiringTest {

    static final FakeSlack SLACK = new FakeSlack();

    @SuppressWarnings("unchecked")
    static final Map<String, String> VECTOR = vector();

    static final MutableClock CLOCK =
            TestClock.startingAt(Instant.ofEpochSecond(Long.parseLong(VECTOR.get("X-Slack-Request-Timestamp"))));

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
    }

    @Autowired
    SlackSocketMode socketMode;

    @Autowired
    App app;

    @LocalServerPort
    int port;

    @Test
    void socketModeIsWiredToTheBoltAppAndConnectsWithTheAppToken() {
        assertThat(socketMode.isRunning()).isTrue();
        assertThat(socketMode.backend()).isEqualTo(SocketModeClient.Backend.JavaWebSocket);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !SLACK.calls("apps.connections.open").isEmpty());
        assertThat(SLACK.calls("apps.connections.open").get(0).authorization()).isEqualTo("Bearer xapp-1-test");
        assertThat(socketMode.connected()).isFalse();
        assertThat(socketMode.attempts()).isGreaterThanOrEqualTo(1);
        // The Bolt app itself authenticated with the bot token against the same API URL.
        assertThat(SLACK.calls("auth.test"))
                .anySatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxb-test"));
        assertThat(app.config().getSingleTeamBotToken()).isEqualTo("xoxb-test");
    }

    @Test
    void slacksSigningExampleIsAcceptedAtItsTimeAndRefusedAnHourLater() throws Exception {
        SignedSlackRequests requests = new SignedSlackRequests("unused", port);
        String ts = VECTOR.get("X-Slack-Request-Timestamp");
        CLOCK.set(Instant.ofEpochSecond(Long.parseLong(ts) + 10));
        HttpResponse<String> accepted = requests.raw(
                VECTOR.get("body"), VECTOR.get("content_type"), ts, VECTOR.get("X-Slack-Signature"), Map.of());
        // Verified, then handed to Bolt, which has no /webhook-collect command registered.
        assertThat(accepted.statusCode()).isNotEqualTo(401).isEqualTo(404);

        CLOCK.set(Instant.ofEpochSecond(Long.parseLong(ts) + 3600));
        HttpResponse<String> stale = requests.raw(
                VECTOR.get("body"), VECTOR.get("content_type"), ts, VECTOR.get("X-Slack-Signature"), Map.of());
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("unauthorized");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> vector() {
        try (InputStream in = SlackWiringTest.class.getResourceAsStream("/fixtures/slack/signing-test-vector.json")) {
            return JsonMapper.builder().build().readValue(in, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
