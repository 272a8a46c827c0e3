package dev.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.FirebreakApplication;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.support.TestDatabase;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two bot replicas on one database (TestDatabase.properties()): their outbox workers race for the trigger, and
 * PagerDuty delivers the same webhook to both, twice. PagerDuty is paged once; the webhook is applied once.
 */
class PagingTwoInstancesTest {

    static final FakePagerDuty PD = new FakePagerDuty();

    @AfterAll
    static void stop() throws Exception {
        PD.close();
    }

    static ConfigurableApplicationContext start(Map<String, String> db) {
        Map<String, Object> props = new HashMap<>(db);
        props.put("firebreak.test.shared-datasource", "true");
        props.put("server.port", "0");
        props.put("firebreak.outbox.enabled", "false");
        props.put("firebreak.pagerduty.api-token", FakePagerDuty.API_TOKEN);
        props.put("firebreak.pagerduty.from-email", FakePagerDuty.FROM);
        props.put("firebreak.pagerduty.api-url", PD.restBaseUrl());
        props.put("firebreak.pagerduty.events-url", PD.eventsBaseUrl());
        props.put("firebreak.pagerduty.webhook-secret", "whsec-two");
        props.put("firebreak.pagerduty.client-retries", "0");
        props.put("firebreak.pagerduty.routing.default-routing-key", FakePagerDuty.ROUTING_KEY);
        // Command-line arguments: they win over application.yml (default properties would not).
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(FirebreakApplication.class).run(args);
    }

    @Test
    void twoReplicasPageOnceAndApplyDuplicateWebhooksOnce() throws Exception {
        PD.addUser("PBOT001", "Firebreak Bot", FakePagerDuty.FROM);
        Map<String, String> db = TestDatabase.properties();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ConfigurableApplicationContext a = start(db);
                ConfigurableApplicationContext b = start(db)) {
            Incident incident = a.getBean(IncidentManagement.class)
                    .open(
                            new NewIncident(
                                    "Checkout down",
                                    null,
                                    Severity.SEV1,
                                    IncidentSource.ALERTMANAGER,
                                    "{}:{alertname=\"Down\"}",
                                    null,
                                    Map.of("service", "checkout"),
                                    null,
                                    0),
                            Actor.alertmanager());
            String key = "firebreak-" + incident.getId();

            List<Callable<Integer>> workers = new ArrayList<>();
            for (ConfigurableApplicationContext app : List.of(a, b, a, b)) {
                workers.add(() -> {
                    int ran = 0;
                    for (int i = 0; i < 5; i++) {
                        ran += app.getBean(OutboxWorker.class).runDueTasks();
                    }
                    return ran;
                });
            }
            for (Future<Integer> f : pool.invokeAll(workers)) {
                f.get();
            }
            assertThat(PD.events(key))
                    .extracting(e -> e.path("event_action").asString())
                    .containsExactly("trigger");
            Timeline timeline = b.getBean(Timeline.class);
            assertThat(timeline.of(incident.getId()))
                    .filteredOn(e -> e.getKind().equals(TimelineKinds.PAGE))
                    .hasSize(1);

            String pdId = PD.incidentByKey(key).path("id").asString();
            String body = PagerDutyWebhooks.incidentEvent(
                    "evt-two-1", "incident.acknowledged", pdId, key, "PALICE", "Alice", List.of("Alice"));
            List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
            for (ConfigurableApplicationContext app : List.of(a, b, a, b)) {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                deliveries.add(() -> PagerDutyWebhooks.postSigned(port, body, "whsec-two"));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(deliveries)) {
                statuses.add(f.get().statusCode());
            }
            assertThat(statuses).containsOnly(200);
            assertThat(timeline.of(incident.getId()))
                    .filteredOn(e -> e.getKind().equals(TimelineKinds.PAGE_ACKNOWLEDGED))
                    .hasSize(1);
            assertThat(a.getBean(IncidentManagement.class).get(incident.getId()).getStatus())
                    .isEqualTo(IncidentStatus.ACKNOWLEDGED);
            for (ConfigurableApplicationContext app : List.of(a, b)) {
                app.getBean(OutboxWorker.class).runDueTasks();
            }
            assertThat(PD.events(key)).hasSize(1); // the acknowledgement came from PagerDuty: not sent back
            assertThat(PD.violations()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
