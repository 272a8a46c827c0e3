package dev.firebreak.alerting;

import static dev.firebreak.alerting.IntakeQueries.groupKey;
import static dev.firebreak.alerting.IntakeQueries.withGroupKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alerting.WebhookClient.Answer;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cheap path for repeats (issue 11): a firing notification identical to the last one applied to its group is
 * only recorded. To see which path ran, the tests delete the incident's alert rows behind intake's back: the full
 * path would write them again, the repeat path does not look at them.
 */
@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.outbox.enabled=false"
        })
@Import(TestClock.class)
class RepeatNotificationsTest {

    static final Instant T0 = Instant.parse("2026-11-28T05:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    IncidentManagement management;

    WebhookClient client;
    IntakeQueries db;

    @BeforeEach
    void setUp() {
        clock.set(T0);
        client = new WebhookClient(port);
        db = new IntakeQueries(jdbc);
    }

    @Test
    void anIdenticalRepeatIsOnlyRecordedUntilTheAlertsNeedALastSeenRefresh() {
        String firing = withGroupKey("firing-two-pods.json", "repeat");
        UUID incident = opened(client.post(firing));
        Instant lastSeen = lastSeen(incident);
        jdbc.update("DELETE FROM alert WHERE incident_id = ?", incident);

        clock.advance(Duration.ofSeconds(30));
        Answer repeat = client.post(firing);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().path("outcome").stringValue()).isEqualTo("UPDATED");
        assertThat(repeat.json().path("incidentId").stringValue()).isEqualTo(incident.toString());
        assertThat(db.alertsOf(incident))
                .as("the repeat path does not read or write alerts")
                .isEmpty();
        assertThat(db.outcomesOf(groupKey(firing))).containsExactly("OPENED", "UPDATED");

        // A minute after the alerts were last seen, the same notification takes the full path again: it refreshes
        // lastSeenAt (here: writes the deleted rows anew) and is then cheap for another minute.
        clock.advance(Duration.ofSeconds(31));
        assertThat(client.post(firing).status()).isEqualTo(200);
        assertThat(db.alertsOf(incident)).hasSize(2);
        assertThat(lastSeen(incident)).isAfter(lastSeen);
        assertThat(db.duplicateTimelineEntries(incident)).isZero();
        assertThat(db.outcomesOf(groupKey(firing))).containsExactly("OPENED", "UPDATED", "UPDATED");
    }

    @Test
    void aNotificationThatDiffersFromTheLastOneAppliedTakesTheFullPath() {
        String firing = withGroupKey("firing-two-pods.json", "differs");
        String onePodResolved = withGroupKey("one-pod-resolved.json", "differs");
        UUID incident = opened(client.post(firing));
        assertThat(client.post(onePodResolved).status()).isEqualTo(200);
        assertThat(db.alertsOf(incident)).extracting(a -> a.get("status")).containsExactly("resolved", "firing");

        // The first notification again (the other Alertmanager of a pair, late): not the last one applied, so the
        // full path runs, and it keeps the resolved alert resolved (its start is before the resolution).
        jdbc.update("DELETE FROM alert WHERE incident_id = ? AND status = 'firing'", incident);
        assertThat(client.post(firing).status()).isEqualTo(200);
        assertThat(db.alertsOf(incident)).extracting(a -> a.get("status")).containsExactly("resolved", "firing");
        assertThat(db.timelineKinds(incident))
                .filteredOn("alert.resolved"::equals)
                .hasSize(1);
    }

    @Test
    void afterTheIncidentIsResolvedByHandTheSameNotificationOpensANewIncident() {
        String firing = withGroupKey("firing-two-pods.json", "resolved-by-hand");
        UUID first = opened(client.post(firing));
        management.resolve(first, Actor.system(), "fixed by hand");

        UUID second = opened(client.post(firing));
        assertThat(second).isNotEqualTo(first);
        assertThat(db.alertsOf(second)).hasSize(2);
        assertThat(db.incidentsOf(groupKey(firing))).containsExactly(first, second);
    }

    private static UUID opened(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("outcome").stringValue()).isEqualTo("OPENED");
        return UUID.fromString(answer.json().path("incidentId").stringValue());
    }

    private Instant lastSeen(UUID incident) {
        List<java.sql.Timestamp> seen = jdbc.queryForList(
                "SELECT last_seen_at FROM alert WHERE incident_id = ?", java.sql.Timestamp.class, incident);
        return seen.stream()
                .map(java.sql.Timestamp::toInstant)
                .min(Instant::compareTo)
                .orElseThrow();
    }
}
