package dev.firebreak.integrations.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagerDutyRetryTest {

    private FakePagerDuty pagerDuty;
    private RecordingSleeper sleeper;
    private PagerDutyClient client;

    @BeforeEach
    void start() {
        pagerDuty = new FakePagerDuty();
        pagerDuty.addUser("PBOT001", "Firebreak Bot", FakePagerDuty.FROM);
        sleeper = new RecordingSleeper();
        client = PagerDutyClient.create(pagerDuty.config(sleeper)); // 3 retries, 500 ms initial, 30 s max backoff
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        pagerDuty.close();
        assertThat(pagerDuty.violations()).isEmpty();
    }

    private TriggerEvent event() {
        return TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "incident-1", "s", "src", EventSeverity.ERROR);
    }

    @Test
    void rateLimitedWaitsForTheAnnouncedReset() {
        pagerDuty.enqueueStatus(
                429, "{\"error\":{\"message\":\"Rate Limit Exceeded\",\"code\":2020}}", "ratelimit-reset", "2");

        assertThat(client.getUser("PBOT001").id()).isEqualTo("PBOT001");

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(pagerDuty.requests()).hasSize(2);
    }

    @Test
    void rateLimitedWithoutResetBacksOffExponentiallyWithJitter() {
        pagerDuty.enqueueStatus(429, "");
        pagerDuty.enqueueStatus(429, "");
        pagerDuty.enqueueStatus(429, "");

        assertThat(client.trigger(event()).status()).isEqualTo("success");

        assertThat(sleeper.sleeps()).hasSize(3);
        assertThat(sleeper.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeper.sleeps().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(sleeper.sleeps().get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        assertThat(pagerDuty.events()).hasSize(1);
    }

    @Test
    void retryAfterAsAnHttpDateUsesTheClock() throws Exception {
        client.close();
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC);
        client = PagerDutyClient.create(pagerDuty.config(sleeper).withClock(clock));
        pagerDuty.enqueueStatus(429, "", "Retry-After", "Sat, 28 Nov 2026 06:00:05 GMT");

        client.trigger(event());

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aResetLongerThanTheMaximumBackoffFailsAtOnceWithTheHint() {
        pagerDuty.enqueueStatus(429, "", "ratelimit-reset", "120");

        assertThatThrownBy(() -> client.trigger(event())).isInstanceOfSatisfying(PagerDutyException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        });
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(pagerDuty.requests()).hasSize(1);
    }

    @Test
    void serverErrorThenSuccess() {
        pagerDuty.enqueueStatus(503, "");
        pagerDuty.enqueueStatus(500, "{\"error\":{\"message\":\"Internal Server Error\"}}");

        assertThat(client.getUser("PBOT001").name()).isEqualTo("Firebreak Bot");

        assertThat(sleeper.sleeps()).hasSize(2);
        assertThat(pagerDuty.requests()).hasSize(3);
    }

    @Test
    void serviceUnavailableWithRetryAfterWaitsAsAnnounced() {
        pagerDuty.enqueueStatus(503, "", "Retry-After", "3");

        client.trigger(event());

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void persistentServerErrorsGiveUpAfterMaxRetriesAsRetryable() {
        for (int i = 0; i < 4; i++) {
            pagerDuty.enqueueStatus(502, "<html>Bad Gateway</html>");
        }

        assertThatThrownBy(() -> client.resolve(FakePagerDuty.ROUTING_KEY, "incident-1"))
                .isInstanceOfSatisfying(PagerDutyException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isPresent();
                    assertThat(e.getMessage())
                            .contains("POST /v2/enqueue answered 502")
                            .doesNotContain(FakePagerDuty.ROUTING_KEY);
                });
        assertThat(pagerDuty.requests()).hasSize(4);
        assertThat(sleeper.sleeps()).hasSize(3);
    }

    @Test
    void networkFailureThenSuccess() {
        pagerDuty.enqueueDisconnect();

        assertThat(client.trigger(event()).status()).isEqualTo("success");

        assertThat(sleeper.sleeps()).hasSize(1);
        assertThat(pagerDuty.events()).hasSize(1);
        assertThat(pagerDuty.requests())
                .extracting(FakePagerDuty.Recorded::method)
                .containsExactly("DISCONNECTED", "POST");
    }

    @Test
    void persistentNetworkFailureIsRetryableWithoutStatus() {
        for (int i = 0; i < 4; i++) {
            pagerDuty.enqueueDisconnect();
        }

        assertThatThrownBy(() -> client.getUser("PBOT001")).isInstanceOfSatisfying(PagerDutyException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("GET /users/{id} failed").doesNotContain(FakePagerDuty.API_TOKEN);
        });
        assertThat(sleeper.sleeps()).hasSize(3);
    }

    @Test
    void aReadTimeoutIsRetried() throws Exception {
        client.close();
        client = PagerDutyClient.create(pagerDuty
                .config(sleeper)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(2)));
        pagerDuty.enqueueFault(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        assertThat(client.getUser("PBOT001").id()).isEqualTo("PBOT001");

        assertThat(sleeper.sleeps()).hasSize(1);
    }

    @Test
    void badRequestIsNotRetried() {
        pagerDuty.enqueueStatus(
                400,
                "{\"error\":{\"message\":\"Invalid Input Provided\",\"code\":2001,"
                        + "\"errors\":[\"Escalation level must be between 1 and 3\"]}}");

        assertThatThrownBy(() -> client.updateIncident("PINC1", IncidentUpdate.escalateTo(9)))
                .isInstanceOfSatisfying(PagerDutyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).contains(2001);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e.getMessage()).contains("Escalation level must be between 1 and 3");
                });
        assertThat(pagerDuty.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void noRetriesWhenConfiguredSo() throws Exception {
        client.close();
        client = PagerDutyClient.create(pagerDuty.config(sleeper).withRetries(0, null, null));
        pagerDuty.enqueueStatus(503, "");

        assertThatThrownBy(() -> client.trigger(event()))
                .isInstanceOfSatisfying(
                        PagerDutyException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(pagerDuty.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }
}
