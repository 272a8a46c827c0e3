package dev.firebreak.alerting;

import static dev.firebreak.alerting.IntakeQueries.groupKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alerting.WebhookClient.Answer;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.timeline.TimelineKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identical deliveries racing each other (Alertmanager HA pairs that are not peered, redelivery after a
 * timeout): whatever the interleaving, one incident, each alert once, no timeline entry twice.
 */
@FirebreakTest(properties = {"firebreak.alertmanager.bearer-token=am-token", "firebreak.api.token=test-token"})
class ConcurrentDeliveryTest {

    static final int PARALLEL = 12;
    static final int ROUNDS = 4;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void parallelIdenticalDeliveriesMakeOneIncidentWithEachAlertOnce() throws Exception {
        WebhookClient client = new WebhookClient(port);
        IntakeQueries db = new IntakeQueries(jdbc);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String body = tenAlerts("race-" + round);
                String key = groupKey(body);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Answer>> answers = new ArrayList<>();
                for (int i = 0; i < PARALLEL; i++) {
                    // Half the senders carry another externalURL, as the second Alertmanager of a pair does.
                    String sent =
                            i % 2 == 0 ? body : body.replace("alertmanager.example.internal", "am2.example.internal");
                    answers.add(pool.submit(() -> {
                        start.await();
                        return client.post(sent);
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<Answer> f : answers) {
                    Answer a = f.get();
                    assertThat(a.status()).as(a.body()).isEqualTo(200);
                    outcomes.add(a.json().get("outcome").stringValue());
                }
                assertThat(outcomes).containsOnlyOnce("OPENED").hasSize(PARALLEL);

                List<UUID> incidents = db.incidentsOf(key);
                assertThat(incidents).hasSize(1);
                UUID id = incidents.get(0);
                assertThat(db.alertsOf(id)).hasSize(10);
                assertThat(db.timelineKinds(id))
                        .filteredOn(TimelineKinds.ALERT_FIRING::equals)
                        .hasSize(10);
                assertThat(db.timelineKinds(id))
                        .filteredOn(TimelineKinds.INCIDENT_OPENED::equals)
                        .hasSize(1);
                assertThat(db.duplicateTimelineEntries(id)).isZero();
                assertThat(db.outcomesOf(key)).hasSize(PARALLEL).containsOnlyOnce("OPENED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** firing-two-pods grown to ten pods, with its own groupKey. */
    static String tenAlerts(String suffix) {
        ObjectNode root =
                (ObjectNode) WebhookClient.JSON.readTree(IntakeQueries.withGroupKey("firing-two-pods.json", suffix));
        ArrayNode alerts = (ArrayNode) root.get("alerts");
        ObjectNode template = (ObjectNode) alerts.get(0).deepCopy();
        alerts.removeAll();
        for (int i = 0; i < 10; i++) {
            ObjectNode a = template.deepCopy();
            ((ObjectNode) a.get("labels")).put("pod", "checkout-" + i);
            a.put("fingerprint", String.format("%016x", 0xabc000L + i));
            alerts.add(a);
        }
        return WebhookClient.JSON.writeValueAsString(root);
    }
}
