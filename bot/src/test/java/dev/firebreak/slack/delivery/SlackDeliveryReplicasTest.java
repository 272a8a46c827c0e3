package dev.firebreak.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.FirebreakApplication;
import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.FakeSlack.Reply;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two app instances (this test's context and a second SpringApplication) on ONE database, both running
 * the outbox worker in real time against one {@link FakeSlack}: exactly one channel per incident, nothing
 * lost or duplicated through a Slack outage, and alert storms coalesced into one card edit per second.
 */
@FirebreakTest
class SlackDeliveryReplicasTest {

    static final FakeSlack SLACK = new FakeSlack();
    static final FakeSlack.Channel ANNOUNCE = SLACK.addChannel("incidents", "UADMIN", "");
    static final Map<String, String> DB = TestDatabase.properties();
    static ConfigurableApplicationContext second;

    static Map<String, String> slackProperties() {
        Map<String, String> p = new LinkedHashMap<>(DB);
        p.put("firebreak.test.shared-datasource", "true");
        p.put("firebreak.outbox.enabled", "true");
        p.put("firebreak.outbox.poll-interval", "100ms");
        p.put("firebreak.slack.bot-token", "xoxb-test");
        p.put("firebreak.slack.api-url", SLACK.url());
        p.put("firebreak.slack.announce-channel", ANNOUNCE.id);
        p.put("firebreak.slack.card-update-interval", "1s");
        return p;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        slackProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @BeforeAll
    static void startSecondReplica() {
        List<String> args = new ArrayList<>();
        slackProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--server.port=0");
        second = new SpringApplicationBuilder(FirebreakApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        SLACK.close();
    }

    @Autowired
    IncidentManagement incidents;

    @Autowired
    IncidentQueries queries;

    @Autowired
    Alerts alerts;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void reset() {
        SLACK.clear();
    }

    @Test
    void twoReplicasAndDuplicateEventsCreateExactlyOneChannelPerIncident() {
        SLACK.always("conversations.create", Reply.slow(Duration.ofMillis(150)));
        IncidentManagement other = second.getBean(IncidentManagement.class);
        TransactionTemplate otherTx = new TransactionTemplate(second.getBean(PlatformTransactionManager.class));
        List<Incident> opened = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            IncidentManagement via = i % 2 == 0 ? incidents : other;
            Incident incident = via.open(
                    NewIncident.declared("Replica test " + i, null, Severity.SEV3, IncidentSource.API),
                    Actor.api("test"));
            opened.add(incident);
            // the same event delivered again, on the other replica
            otherTx.executeWithoutResult(s -> second.publishEvent(new IncidentOpened(
                    incident.getId(),
                    incident.getNumber(),
                    incident.getTitle(),
                    incident.getSeverity(),
                    incident.getSource(),
                    Actor.api("test"),
                    incident.getOpenedAt(),
                    false)));
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(
                                SLACK.calls("chat.postMessage", c -> ANNOUNCE.id.equals(c.param("channel"))))
                        .hasSize(opened.size()));
        SLACK.reset("conversations.create");
        assertThat(SLACK.calls("conversations.create")).hasSize(opened.size());
        assertThat(SLACK.okCalls("conversations.create")).hasSize(opened.size());
        for (Incident incident : opened) {
            String channelId = queries.view(incident.getId()).slackChannelId();
            assertThat(channelId).isNotNull();
            assertThat(SLACK.channels())
                    .filteredOn(c -> c.name.startsWith("inc-" + incident.getNumber() + "-"))
                    .hasSize(1);
            assertThat(SLACK.messages(channelId)).hasSize(1);
            assertThat(SLACK.channel(channelId).pins).hasSize(1);
        }
        // both workers really competed for the tasks (each replica's own metrics)
        double here = slackTasksDone(meters);
        double there = slackTasksDone(second.getBean(MeterRegistry.class));
        System.out.printf("replicas: slack tasks done here=%.0f there=%.0f%n", here, there);
        assertThat(here).isPositive();
        assertThat(there).isPositive();
    }

    private static double slackTasksDone(MeterRegistry registry) {
        return registry.find("firebreak.outbox.attempts").tag("outcome", "done").counters().stream()
                .filter(c -> c.getId().getTag("kind").startsWith("slack."))
                .mapToDouble(c -> c.count())
                .sum();
    }

    @Test
    void slackOutageDelaysNoIncidentAndWhenSlackRecoversEverythingCatchesUpOnce() {
        // Slack is down and slow: every channel creation hangs 3 s, then fails; posting is rate limited
        SLACK.always("conversations.create", Reply.http(503).delayed(Duration.ofSeconds(3)));
        SLACK.always("chat.postMessage", Reply.rateLimited(1));
        List<Incident> opened = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            opened.add(incidents.open(
                    NewIncident.declared("Outage " + i, null, Severity.SEV2, IncidentSource.API), Actor.api("test")));
            // opening never waits for Slack (no call happens in the caller's thread)
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(queries.view(opened.get(i).getId()).slackChannelId()).isNull();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SLACK.calls("conversations.create").size() >= 6);
        assertThat(SLACK.okCalls("conversations.create")).isEmpty();
        SLACK.reset("conversations.create");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SLACK.calls("chat.postMessage").size() >= 2);
        SLACK.reset("chat.postMessage");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> assertThat(SLACK.okCalls("chat.postMessage")).hasSize(2 * opened.size()));
        assertThat(SLACK.okCalls("conversations.create")).hasSize(opened.size());
        for (Incident incident : opened) {
            String channelId = queries.view(incident.getId()).slackChannelId();
            assertThat(SLACK.messages(channelId)).hasSize(1);
            assertThat(SLACK.channel(channelId).pins).hasSize(1);
            assertThat(SLACK.channel(channelId).topic).contains("INC-" + incident.getNumber());
            assertThat(SLACK.calls(
                            "chat.postMessage",
                            c -> ANNOUNCE.id.equals(c.param("channel"))
                                    && c.ok()
                                    && c.param("text").contains("<#" + channelId + ">")))
                    .hasSize(1);
        }
    }

    @Test
    void alertStormOfFiftyUpdatesEditsTheCardAboutOncePerSecond() {
        Incident incident = incidents.open(
                NewIncident.declared("Storm", null, Severity.SEV2, IncidentSource.API), Actor.api("test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String channelId = queries.view(incident.getId()).slackChannelId();
            return channelId != null && !SLACK.channel(channelId).pins.isEmpty();
        });
        String channelId = queries.view(incident.getId()).slackChannelId();
        FakeSlack.Message card = SLACK.messages(channelId).get(0);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long burstStart = System.currentTimeMillis();
        for (int i = 0; i < 50; i++) {
            int n = i;
            tx.executeWithoutResult(s -> {
                Instant now = Instant.now();
                alerts.save(new Alert(
                        incident.getId(),
                        "fp" + n,
                        Map.of("alertname", "PodDown", "pod", "api-" + n),
                        Map.of(),
                        Alert.FIRING,
                        now,
                        null,
                        null,
                        now));
                incidents.touched(incident.getId(), "alerts");
            });
        }
        long burstMillis = System.currentTimeMillis() - burstStart;
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> card.blocks != null && card.blocks.contains("50 firing"));
        List<FakeSlack.Call> edits = SLACK.calls("chat.update", c -> channelId.equals(c.param("channel")));
        System.out.printf(
                "alert storm: 50 updates in %d ms -> %d chat.update calls at %s ms%n",
                burstMillis,
                edits.size(),
                edits.stream().map(c -> c.atMillis() - burstStart).toList());
        assertThat(edits).allMatch(c -> card.ts.equals(c.param("ts")));
        assertThat(edits.stream().filter(c -> c.atMillis() - burstStart < 1000)).hasSizeLessThanOrEqualTo(2);
        for (int i = 1; i < edits.size(); i++) {
            assertThat(edits.get(i).atMillis() - edits.get(i - 1).atMillis()).isGreaterThanOrEqualTo(900);
        }
        assertThat(edits.size()).isLessThanOrEqualTo(2 + (int) (burstMillis / 1000));
        assertThat(SLACK.messages(channelId)).hasSize(1);
    }
}
