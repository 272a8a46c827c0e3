package dev.firebreak.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.bolt.App;
import com.slack.api.socket_mode.SocketModeClient;
import dev.firebreak.slack.bolt.SlackSocketMode;
import dev.firebreak.support.FirebreakTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an app token, Socket Mode is built and started with the application: it asks Slack for a WebSocket
 * URL ({@code apps.connections.open}, authenticated with the app token) through the configured API URL.
 * The stub refuses (no real WebSocket is possible here), so it keeps retrying without blocking startup.
 */
@FirebreakTest(properties = {
        "firebreak.slack.bot-token=xoxb-test",
        "firebreak.slack.app-token=xapp-1-test",
        "firebreak.outbox.enabled=false"})
class SlackSocketModeTest {

    static final SlackWebApiStub SLACK = new SlackWebApiStub();

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::apiUrl);
    }

    @Autowired
    SlackSocketMode socketMode;
    @Autowired
    App app;

    @Test
    void socketModeIsWiredToTheBoltAppAndConnectsWithTheAppToken() {
        assertThat(socketMode.isRunning()).isTrue();
        assertThat(socketMode.backend()).isEqualTo(SocketModeClient.Backend.JavaWebSocket);
        await().atMost(Duration.ofSeconds(15)).until(() -> !SLACK.calls("apps.connections.open").isEmpty());
        assertThat(SLACK.calls("apps.connections.open").get(0).authorization()).isEqualTo("Bearer xapp-1-test");
        assertThat(socketMode.connected()).isFalse();
        assertThat(socketMode.attempts()).isGreaterThanOrEqualTo(1);
        // The Bolt app itself authenticated with the bot token against the same API URL.
        assertThat(SLACK.calls("auth.test")).anySatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxb-test"));
        assertThat(app.config().getSingleTeamBotToken()).isEqualTo("xoxb-test");
    }
}
