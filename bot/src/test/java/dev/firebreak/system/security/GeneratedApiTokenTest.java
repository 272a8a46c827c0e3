package dev.firebreak.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/** No firebreak.api.token configured: a random token is generated; the API is closed to everyone else. */
@FirebreakTest(properties = "firebreak.api.token=")
class GeneratedApiTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiToken token;

    @Autowired
    FilterRegistrationBean<ApiTokenFilter> filter;

    @Test
    void theGeneratedTokenOpensTheApiAndNothingElseDoes() {
        assertThat(token.generated()).isTrue();
        HttpTestClient anonymous = HttpTestClient.on(port);

        assertThat(anonymous.get("/api/incidents").status()).isEqualTo(401);
        assertThat(anonymous.bearer("").get("/api/incidents").status()).isEqualTo(401);
        assertThat(anonymous.bearer("null").get("/api/incidents").status()).isEqualTo(401);
        assertThat(anonymous.bearer(token.value() + "x").get("/api/incidents").status())
                .isEqualTo(401);

        HttpTestClient.Response ok = anonymous.bearer(token.value()).get("/api/incidents");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("total").asLong()).isZero();
    }

    @Test
    void theFilterCoversTheApiOnly() {
        // /webhooks/**, /slack/** and /actuator/** have their own authentication.
        assertThat(filter.getUrlPatterns()).containsExactly("/api/*");
        assertThat(HttpTestClient.on(port).get("/actuator/health/liveness").status())
                .isEqualTo(200);
    }
}
