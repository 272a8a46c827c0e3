package dev.firebreak.integrations.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagerDutyClientEdgeCasesTest {

    private FakePagerDuty pagerDuty;

    @BeforeEach
    void start() {
        pagerDuty = new FakePagerDuty();
        pagerDuty.addUser("PBOT001", "Firebreak Bot", FakePagerDuty.FROM);
    }

    @AfterEach
    void stop() throws Exception {
        pagerDuty.close();
        assertThat(pagerDuty.violations()).isEmpty();
    }

    @Test
    void eventsWorkWithoutARestTokenButRestCallsSayWhatIsMissing() {
        PagerDutyConfig eventsOnly = new PagerDutyConfig(
                null,
                null,
                pagerDuty.restBaseUrl(),
                pagerDuty.eventsBaseUrl(),
                null,
                null,
                null,
                1,
                null,
                null,
                null,
                null,
                new RecordingSleeper());
        try (PagerDutyClient client = PagerDutyClient.create(eventsOnly)) {
            assertThat(client.trigger(TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "k", "s", "src", EventSeverity.INFO))
                            .status())
                    .isEqualTo("success");

            assertThatThrownBy(() -> client.getUser("PBOT001")).isInstanceOfSatisfying(PagerDutyException.class, e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("token is not configured");
            });
        }
        assertThat(pagerDuty.requests()).hasSize(1);
    }

    @Test
    void writesNeedAFromEmail() {
        PagerDutyConfig noFrom = PagerDutyConfig.of(FakePagerDuty.API_TOKEN, " ")
                .withBaseUrls(pagerDuty.restBaseUrl(), pagerDuty.eventsBaseUrl());
        try (PagerDutyClient client = PagerDutyClient.create(noFrom)) {
            assertThat(client.getUser("PBOT001").id()).isEqualTo("PBOT001");
            assertThatThrownBy(() -> client.addNote("PINC1", "n"))
                    .isInstanceOfSatisfying(
                            PagerDutyException.class,
                            e -> assertThat(e.getMessage()).contains("From email is not configured"));
        }
    }

    @Test
    void anInterruptedWaitStopsRetryingAndKeepsTheInterruptFlag() {
        Sleeper interrupted = duration -> {
            throw new InterruptedException("shutting down");
        };
        pagerDuty.enqueueStatus(503, "");
        try (PagerDutyClient client = PagerDutyClient.create(pagerDuty.config(interrupted))) {
            assertThatThrownBy(() -> client.getUser("PBOT001")).isInstanceOfSatisfying(PagerDutyException.class, e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).contains("interrupted");
            });
            assertThat(Thread.interrupted()).isTrue(); // clears the flag for the next tests
        }
        assertThat(pagerDuty.requests()).hasSize(1);
    }

    @Test
    void oneClientServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (PagerDutyClient client = PagerDutyClient.create(pagerDuty.config(new RecordingSleeper()))) {
            List<Future<EventResponse>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = "incident-" + i;
                results.add(pool.submit(() -> client.trigger(
                        TriggerEvent.of(FakePagerDuty.ROUTING_KEY, key, "s", "src", EventSeverity.ERROR))));
            }
            for (Future<EventResponse> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).status()).isEqualTo("success");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(pagerDuty.events()).hasSize(40);
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        try (PagerDutyClient client = PagerDutyClient.create(pagerDuty.config(new RecordingSleeper()))) {
            assertThatThrownBy(() -> client.getIncident(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.addNote("PINC1", "")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.resolve("", "k")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new IncidentUpdate(null, null, List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> NewPagerDutyIncident.of("t", "PSVC")
                            .withEscalationPolicy("PEP")
                            .withAssignees(List.of("PU1")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(pagerDuty.requests()).isEmpty();
    }
}
