package dev.firebreak.integrations.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagerDutySecretsAndMetricsTest {

    private FakePagerDuty pagerDuty;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        pagerDuty = new FakePagerDuty();
        pagerDuty.addUser("PBOT001", "Firebreak Bot", FakePagerDuty.FROM);
        pagerDuty.addService("PSVC001", "Checkout API");
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() throws Exception {
        pagerDuty.close();
        assertThat(pagerDuty.violations()).isEmpty();
    }

    @Test
    void configAndClientToStringRedactTheToken() {
        PagerDutyConfig config = pagerDuty.config(sleeper);
        try (PagerDutyClient client = PagerDutyClient.create(config)) {
            assertThat(config.toString())
                    .doesNotContain(FakePagerDuty.API_TOKEN)
                    .contains("<redacted>")
                    .contains(FakePagerDuty.FROM);
            assertThat(client.toString()).doesNotContain(FakePagerDuty.API_TOKEN);
        }
        assertThat(PagerDutyConfig.of(null, null).toString()).contains("apiToken=<none>");
    }

    @Test
    void theTokenNeverAppearsInExceptionMessages() {
        List<PagerDutyException> failures = new ArrayList<>();
        try (PagerDutyClient client = PagerDutyClient.create(pagerDuty.config(sleeper))) {
            // PagerDuty echoing the Authorization header back in an error must not leak it either.
            pagerDuty.enqueueStatus(
                    400,
                    "{\"error\":{\"message\":\"Invalid Input Provided\",\"code\":2001,"
                            + "\"errors\":[\"bad header Token token=" + FakePagerDuty.API_TOKEN + "\"]}}");
            failures.add(catchThrowableOfType(PagerDutyException.class, () -> client.getUser("PBOT001")));
            for (int i = 0; i < 4; i++) {
                pagerDuty.enqueueStatus(503, FakePagerDuty.API_TOKEN);
            }
            failures.add(catchThrowableOfType(PagerDutyException.class, () -> client.listServices(null)));
            pagerDuty.enqueueStatus(
                    400,
                    "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                            + "\"errors\":[\"routing_key " + FakePagerDuty.ROUTING_KEY + " unknown\"]}");
            failures.add(catchThrowableOfType(
                    PagerDutyException.class,
                    () -> client.trigger(
                            TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "k", "s", "src", EventSeverity.INFO))));
            failures.add(catchThrowableOfType(PagerDutyException.class, () -> client.getUser("PNOPE")));
        }
        assertThat(failures).hasSize(4).allSatisfy(e -> {
            assertThat(e).isNotNull();
            assertThat(e.getMessage())
                    .doesNotContain(FakePagerDuty.API_TOKEN)
                    .doesNotContain(FakePagerDuty.ROUTING_KEY);
            assertThat(e.toString()).doesNotContain(FakePagerDuty.API_TOKEN);
        });
        assertThat(failures.get(0).getMessage()).contains("<redacted>");
    }

    @Test
    void requestsAreTimedByPathTemplateNotByConcretePath() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (PagerDutyClient client =
                PagerDutyClient.create(pagerDuty.config(sleeper).withMeterRegistry(registry))) {
            String first = client.createIncident(NewPagerDutyIncident.of("a", "PSVC001"))
                    .id();
            String second = client.createIncident(NewPagerDutyIncident.of("b", "PSVC001"))
                    .id();
            client.getIncident(first);
            client.getIncident(second);
            client.addNote(first, "n");
            client.trigger(TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "k", "s", "src", EventSeverity.INFO));
        }

        Timer incidents = registry.find(PagerDutyHttp.METRIC_NAME)
                .tag("uri", "/incidents/{id}")
                .timer();
        assertThat(incidents).isNotNull();
        assertThat(incidents.count()).isEqualTo(2);
        assertThat(registry.find(PagerDutyHttp.METRIC_NAME)
                        .tag("uri", "/incidents")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(registry.find(PagerDutyHttp.METRIC_NAME)
                        .tag("uri", "/incidents/{id}/notes")
                        .timer())
                .isNotNull();
        assertThat(registry.find(PagerDutyHttp.METRIC_NAME)
                        .tag("uri", "/v2/enqueue")
                        .timer())
                .isNotNull();
        assertThat(registry.getMeters()).map(Meter::getId).allSatisfy(id -> {
            assertThat(id.getTag("uri")).doesNotContain("PINC");
            assertThat(id.getName()).isEqualTo(PagerDutyHttp.METRIC_NAME);
        });
    }

    @Test
    void aSharedOkHttpClientIsUsedAndLeftRunning() throws Exception {
        OkHttpClient shared = new OkHttpClient();
        try (PagerDutyClient client = PagerDutyClient.create(pagerDuty.config(sleeper), shared)) {
            assertThat(client.getUser("PBOT001").id()).isEqualTo("PBOT001");
        }
        assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
        assertThat(shared.connectionPool().connectionCount()).isPositive();
        shared.dispatcher().executorService().shutdown();
    }
}
