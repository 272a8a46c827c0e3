package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With no credentials configured the webhook is closed, except to the token generated (and logged) at start-up. */
@FirebreakTest(properties = "firebreak.api.token=test-token")
class GeneratedTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    WebhookCredentials credentials;

    @Test
    void theEndpointIsNeverOpenByDefault() {
        WebhookClient client = new WebhookClient(port);
        String body = IntakeQueries.withGroupKey("firing-two-pods.json", "generated");
        for (String auth : new String[] {
            null,
            "Bearer ",
            "Bearer null",
            "Bearer am-token",
            "Basic " + Base64.getEncoder().encodeToString(":".getBytes())
        }) {
            assertThat(client.post(body, auth).status())
                    .as(String.valueOf(auth))
                    .isEqualTo(401);
        }
        String token = credentials.generatedToken();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(client.post(body, "Bearer " + token).status()).isEqualTo(200);
    }
}
