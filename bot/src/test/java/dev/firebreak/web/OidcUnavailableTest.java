package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Single sign-on whose provider is down: the bot starts and takes webhooks anyway (discovery happens at the first
 * sign-in), the sign-in button comes back with a message, and without a configured admin password there is no
 * password form at all.
 */
@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token-oidc-down",
            "firebreak.web.oidc.issuer-uri=http://127.0.0.1:9/unreachable",
            "firebreak.web.oidc.client-id=firebreak",
            "firebreak.web.oidc.client-secret=s3cret-oidc-down"
        })
class OidcUnavailableTest {

    @LocalServerPort
    int port;

    @Test
    void anUnreachableProviderIsAMessageNotAnErrorAndNothingElseDependsOnIt() {
        assertThat(AlertFixtures.send(
                        port, "am-token-oidc-down", AlertFixtures.firing("oidc-down", "Disk full", java.util.Map.of())))
                .startsWith("INC-");
        ConsoleSession s = new ConsoleSession(port);
        ConsoleSession.Page login = s.get("/login");
        assertThat(login.html().select("#sso").attr("href")).isEqualTo("/oauth2/authorization/oidc");
        assertThat(login.html().select("input[type=password]"))
                .as("no local accounts with OIDC by default")
                .isEmpty();

        ConsoleSession.Page start = s.get("/oauth2/authorization/oidc");
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("Location")).endsWith("/login?unavailable");
        assertThat(s.get("/login?unavailable").html().select("[role=alert]").text())
                .contains("cannot be reached");
        ConsoleSession.Page password = s.post("/login", java.util.Map.of("username", "admin", "password", "x"));
        assertThat(password.status()).as("no password sign-in to try").isIn(302, 403);
        assertThat(password.header("Location")).as("never signed in").isNotEqualTo("/incidents");
    }
}
