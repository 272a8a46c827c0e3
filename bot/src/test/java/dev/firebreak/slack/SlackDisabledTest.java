package dev.firebreak.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import dev.firebreak.support.FirebreakTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Without a bot token the app runs with Slack off: no Bolt app, and /slack/events does not exist. */
@FirebreakTest(properties = "firebreak.api.token=test-token")
class SlackDisabledTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void noBoltAppAndNoEndpoint() throws Exception {
        assertThat(context.getBeanNamesForType(App.class)).isEmpty();
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("not_found");
    }
}
