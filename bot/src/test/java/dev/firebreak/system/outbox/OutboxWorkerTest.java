package dev.firebreak.system.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@FirebreakTest(
        properties = {
            "firebreak.outbox.enabled=false",
            "firebreak.outbox.base-backoff=10s",
            "firebreak.outbox.max-attempts=3",
            "firebreak.outbox.lease=600ms",
            "firebreak.api.token=test-token"
        })
@Import(TestClock.class)
class OutboxWorkerTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-11-28T10:00:00Z"));

    /** A handler whose outcome each test scripts, recording what ran. */
    static class ScriptedHandler implements OutboxHandler {
        final List<String> ran = new CopyOnWriteArrayList<>();
        final Map<String, OutboxResult> outcomes = new ConcurrentHashMap<>();
        final Map<String, java.util.function.Consumer<OutboxTask>> during = new ConcurrentHashMap<>();
        final List<String> mdc = new CopyOnWriteArrayList<>();

        @Override
        public String kind() {
            return "test.scripted";
        }

        @Override
        public OutboxResult handle(OutboxTask task) {
            String payload = Outbox.payload(task, String.class);
            ran.add(payload);
            java.util.function.Consumer<OutboxTask> work = during.remove(payload);
            if (work != null) {
                work.accept(task);
            }
            mdc.add(MDC.get("trace_id") + "/" + MDC.get("incident"));
            OutboxResult r = outcomes.remove(payload);
            return r == null ? OutboxResult.done() : r;
        }
    }

    @TestConfiguration
    static class Config {

        @Bean
        ScriptedHandler scriptedHandler() {
            return new ScriptedHandler();
        }
    }

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxWorker worker;

    @Autowired
    OutboxTasks tasks;

    @Autowired
    ScriptedHandler handler;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Timeline timeline;

    @Autowired
    OutboxStore store;

    @Autowired
    JdbcTemplate jdbc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    OutboxMetrics metrics;

    @Autowired
    MeterRegistry registry;

    @Autowired
    OutboxSettings settings;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.beans.factory.ObjectProvider<dev.firebreak.system.logging.IncidentReferences> references;

    @Autowired
    dev.firebreak.system.scheduling.JobLeases jobs;

    @BeforeEach
    void reset() {
        worker.runDueTasks();
        CLOCK.advance(Duration.ofDays(1));
        worker.runDueTasks();
        handler.ran.clear();
        handler.outcomes.clear();
        handler.mdc.clear();
    }

    private void enqueue(String queue, String dedup, String payload) {
        tx.executeWithoutResult(s -> outbox.enqueue("test.scripted", queue, dedup, null, "\"" + payload + "\""));
    }

    @Test
    void tasksOfOneQueueRunInOrderAndAHeadInRetryBlocksItsQueueOnly() {
        handler.outcomes.put("a1", OutboxResult.retry("flaky"));
        enqueue("qa", null, "a1");
        enqueue("qa", null, "a2");
        enqueue("qb", null, "b1");

        worker.runDueTasks();
        assertThat(handler.ran).containsExactly("a1", "b1");

        worker.runDueTasks();
        assertThat(handler.ran).as("a2 waits behind a1's backoff").containsExactly("a1", "b1");

        CLOCK.advance(Duration.ofSeconds(11));
        worker.runDueTasks();
        worker.runDueTasks();
        assertThat(handler.ran).containsExactly("a1", "b1", "a1", "a2");
        assertThat(tasks.findByKindOrderById("test.scripted")).allMatch(t -> OutboxTask.DONE.equals(t.getStatus()));
    }

    @Test
    void retryAtIsHonoured() {
        handler.outcomes.put("r", OutboxResult.retryAt(CLOCK.instant().plusSeconds(30), "429"));
        enqueue("qr", null, "r");
        worker.runDueTasks();
        CLOCK.advance(Duration.ofSeconds(29));
        worker.runDueTasks();
        assertThat(handler.ran).containsExactly("r");
        CLOCK.advance(Duration.ofSeconds(2));
        worker.runDueTasks();
        assertThat(handler.ran).containsExactly("r", "r");
    }

    @Test
    void waitingForARateBudgetSlotIsRescheduledWithoutBurningAnAttempt() {
        // max-attempts is 3 here: five waits in a row would have made the task dead if they counted.
        enqueue("qw", null, "w");
        for (int i = 0; i < 5; i++) {
            handler.outcomes.put("w", OutboxResult.waitUntil(CLOCK.instant().plusSeconds(2), "no slot"));
            worker.runDueTasks();
            OutboxTask waiting = tasks.findByKindOrderById("test.scripted").stream()
                    .filter(t -> t.getPayload().equals("\"w\""))
                    .findFirst()
                    .orElseThrow();
            assertThat(waiting.getStatus()).isEqualTo(OutboxTask.PENDING);
            assertThat(waiting.getAttempts()).as("a wait is not an attempt").isZero();
            assertThat(waiting.getLastError()).isEqualTo("no slot");
            CLOCK.advance(Duration.ofSeconds(1));
            worker.runDueTasks();
            assertThat(handler.ran).as("not before its slot").hasSize(i + 1);
            CLOCK.advance(Duration.ofSeconds(1));
        }
        worker.runDueTasks();
        assertThat(handler.ran).hasSize(6);
        assertThat(tasks.findByKindOrderById("test.scripted"))
                .filteredOn(t -> t.getPayload().equals("\"w\""))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.getStatus()).isEqualTo(OutboxTask.DONE);
                    assertThat(t.getAttempts()).isEqualTo(1);
                });
    }

    @Test
    void enqueueIsIdempotentOnTheDedupKey() {
        enqueue("qd", "same-key", "d1");
        enqueue("qd", "same-key", "d2");
        worker.runDueTasks();
        assertThat(handler.ran).containsExactly("d1");
    }

    @Test
    void aPermanentFailureBecomesATimelineWarning() {
        Incident incident = incidents.open(
                NewIncident.declared("Outbox failure", null, Severity.SEV3, IncidentSource.API), Actor.api("t"));
        handler.outcomes.put("f", OutboxResult.failed("channel_not_found"));
        tx.executeWithoutResult(s -> outbox.enqueue("test.scripted", "qf", null, incident.getId(), "\"f\""));
        worker.runDueTasks();
        CLOCK.advance(Duration.ofHours(1));
        worker.runDueTasks();
        assertThat(handler.ran).containsExactly("f");
        assertThat(timeline.of(incident.getId())).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(TimelineKinds.INTEGRATION_WARNING);
            assertThat(e.getText()).contains("channel_not_found");
        });
    }

    @Test
    void aClaimedTaskCannotBeClaimedAgainUntilItsLeaseExpires() {
        enqueue("ql", null, "l");
        Long id = store.dueHeads(CLOCK.instant(), 10).get(0).id();
        assertThat(store.claim(id, "replica-a", Duration.ofMinutes(2))).isTrue();
        assertThat(store.claim(id, "replica-b", Duration.ofMinutes(2))).isFalse();
        assertThat(store.dueHeads(CLOCK.instant().plus(Duration.ofHours(1)), 10))
                .as("not even for a replica whose clock is an hour ahead")
                .extracting(OutboxStore.Due::id)
                .doesNotContain(id);
        expireLease(id);
        assertThat(store.claim(id, "replica-b", Duration.ofMinutes(2))).isTrue();
        store.complete(id, "replica-a", CLOCK.instant());
        assertThat(tasks.findById(id).orElseThrow().getStatus())
                .as("a stale owner cannot complete")
                .isEqualTo("PENDING");
        store.complete(id, "replica-b", CLOCK.instant());
        assertThat(tasks.findById(id).orElseThrow().getStatus()).isEqualTo("DONE");
    }

    /**
     * Replicas' clocks disagree by minutes; leases are in database time, so the one ahead cannot take over a live
     * lease, and the one behind takes over an expired lease as soon as it expires (counted as a takeover).
     */
    @Test
    void workersWhoseClocksDifferByMinutesNeitherStealLiveLeasesNorWaitOutExpiredOnes() {
        OutboxWorker ahead = replica(Clock.offset(CLOCK, Duration.ofMinutes(10)));
        enqueue("qskew1", null, "s1");
        handler.during.put(
                "s1",
                task -> assertThat(ahead.runDueTasks())
                        .as("the task is leased (600 ms) while its handler runs")
                        .isZero());
        worker.drain(10);
        assertThat(handler.ran).containsExactly("s1");

        enqueue("qskew2", null, "s2");
        long id = store.dueHeads(CLOCK.instant(), 10).stream()
                .mapToLong(OutboxStore.Due::id)
                .max()
                .orElseThrow();
        // The replica ten minutes ahead claims it for 1 s and dies; the worker whose clock is behind takes it over.
        assertThat(store.claim(id, ahead.owner(), Duration.ofSeconds(1))).isTrue();
        double before = takeovers();
        assertThat(worker.runDueTasks()).as("the lease is live").isZero();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> worker.runDueTasks() == 1);
        assertThat(handler.ran).containsExactly("s1", "s2");
        assertThat(tasks.findById(id).orElseThrow().getStatus()).isEqualTo(OutboxTask.DONE);
        assertThat(takeovers()).isEqualTo(before + 1);
    }

    private OutboxWorker replica(Clock clock) {
        return new OutboxWorker(store, tasks, List.of(handler), settings, clock, events, metrics, references, jobs);
    }

    private void expireLease(long id) {
        jdbc.update("UPDATE outbox_task SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE id = ?", id);
    }

    @Test
    void aTaskOutOfAttemptsIsDeadFreesItsQueueAndCanBeReDriven() {
        handler.outcomes.put("x1", OutboxResult.retry("Slack conversations.setTopic: internal_error"));
        enqueue("qx", null, "x1");
        enqueue("qx", null, "x2");
        for (int i = 0; i < 3; i++) {
            handler.outcomes.put("x1", OutboxResult.retry("Slack conversations.setTopic: internal_error"));
            CLOCK.advance(Duration.ofHours(1));
            worker.drain(10);
        }
        assertThat(handler.ran).containsExactly("x1", "x1", "x1", "x2"); // the queue moved on after the third attempt
        OutboxTask dead = tasks.findByKindOrderById("test.scripted").stream()
                .filter(t -> OutboxTask.DEAD.equals(t.getStatus()))
                .findFirst()
                .orElseThrow();
        assertThat(dead.getLastError())
                .isEqualTo("gave up after 3 attempts: Slack conversations.setTopic: internal_error");

        dev.firebreak.support.HttpTestClient api =
                dev.firebreak.support.HttpTestClient.on(port).bearer("test-token");
        var listed = api.get("/api/outbox?state=dead");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(java.util.stream.StreamSupport.stream(listed.json().spliterator(), false)
                        .filter(t -> t.path("id").asLong() == dead.getId())
                        .findFirst())
                .get()
                .satisfies(t -> {
                    assertThat(t.path("state").asString()).isEqualTo("dead");
                    assertThat(t.path("lastError").asString()).contains("gave up after 3 attempts");
                });
        assertThat(api.get("/api/outbox?state=zombie").status()).isEqualTo(400);
        assertThat(dev.firebreak.support.HttpTestClient.on(port)
                        .get("/api/outbox?state=dead")
                        .status())
                .isEqualTo(401);

        var retried = api.post("/api/outbox/" + dead.getId() + "/retry", "");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("state").asString()).isEqualTo("pending");
        assertThat(api.post("/api/outbox/" + dead.getId() + "/retry", "").status())
                .isEqualTo(409);
        assertThat(api.post("/api/outbox/999999999/retry", "").status()).isEqualTo(404);
        worker.drain(10);
        assertThat(tasks.findById(dead.getId()).orElseThrow().getStatus()).isEqualTo(OutboxTask.DONE);
        assertThat(handler.ran).containsExactly("x1", "x1", "x1", "x2", "x1");
    }

    @Test
    void aLongHandlerKeepsItsLeaseSoNoOtherReplicaTakesTheTaskOver() {
        enqueue("qs", null, "slow");
        handler.during.put("slow", task -> {
            // The handler runs longer than the lease (600 ms of database time): the worker renews it meanwhile.
            Instant firstLease = leaseUntil(task.getId());
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> leaseUntil(task.getId()).isAfter(firstLease.plusMillis(700)));
            assertThat(jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", java.time.OffsetDateTime.class)
                            .toInstant())
                    .as("the first lease has run out")
                    .isAfter(firstLease);
            assertThat(store.claim(task.getId(), "replica-b", Duration.ofSeconds(60)))
                    .as("another replica cannot take over a renewed lease")
                    .isFalse();
        });
        worker.drain(10);
        assertThat(handler.ran).containsExactly("slow");
        assertThat(tasks.findByKindOrderById("test.scripted"))
                .filteredOn(t -> t.getQueueKey().equals("qs"))
                .singleElement()
                .satisfies(t -> assertThat(t.getStatus()).isEqualTo(OutboxTask.DONE));
    }

    private Instant leaseUntil(long id) {
        return jdbc.queryForObject(
                        "SELECT lease_until FROM outbox_task WHERE id = ?", java.time.OffsetDateTime.class, id)
                .toInstant();
    }

    @Test
    void backoffGrowsAndIsCapped() {
        assertThat(worker.backoff(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(worker.backoff(3)).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(40));
        assertThat(worker.backoff(30)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
    }

    @Test
    void aTaskWhoseLeaseExpiredIsTakenOverAndCounted() {
        enqueue("qt", null, "t");
        long id = store.dueHeads(CLOCK.instant(), 10).get(0).id();
        assertThat(store.claim(id, "replica-killed", Duration.ofMinutes(2))).isTrue();
        double before = takeovers();
        expireLease(id);
        assertThat(store.dueHeads(CLOCK.instant(), 10))
                .contains(new OutboxStore.Due(id, "test.scripted", "replica-killed"));
        worker.runDueTasks();
        assertThat(handler.ran).containsExactly("t");
        assertThat(tasks.findById(id).orElseThrow().getStatus()).isEqualTo(OutboxTask.DONE);
        assertThat(takeovers()).isEqualTo(before + 1);
        worker.runDueTasks();
        assertThat(takeovers()).as("an ordinary claim is no takeover").isEqualTo(before + 1);
    }

    @Test
    void gaugesCountPendingOldestDueAndDeadTasksPerTargetWhateverTheDeadStatusIsCalled() {
        metrics.invalidate();
        double deadBefore = gauge("firebreak.outbox.dead.tasks");
        assertThat(gauge("firebreak.outbox.pending.tasks")).isZero();
        assertThat(gauge("firebreak.outbox.oldest.due.task.age")).isZero();
        enqueue("qg1", null, "g1");
        enqueue("qg2", null, "g2");
        enqueue("qg3", null, "g3");
        jdbc.update("UPDATE outbox_task SET status = 'DEAD' WHERE payload = '\"g3\"'");
        jdbc.update("UPDATE outbox_task SET status = 'dead' WHERE payload = '\"g2\"'");
        CLOCK.advance(Duration.ofSeconds(90));
        metrics.invalidate();
        assertThat(gauge("firebreak.outbox.pending.tasks")).isEqualTo(1);
        assertThat(gauge("firebreak.outbox.oldest.due.task.age")).isEqualTo(90);
        assertThat(gauge("firebreak.outbox.dead.tasks")).isEqualTo(deadBefore + 2);
        assertThat(registry.find("firebreak.outbox.pending.tasks")
                        .tag("target", "slack")
                        .gauge()
                        .value())
                .isZero();
        worker.runDueTasks();
        metrics.invalidate();
        assertThat(gauge("firebreak.outbox.pending.tasks")).isZero();
        assertThat(gauge("firebreak.outbox.oldest.due.task.age")).isZero();
    }

    @Test
    void theEnqueuersTraceIdAndTheIncidentAreInTheLogContextWhileTheHandlerRuns() {
        Incident incident =
                incidents.open(NewIncident.declared("Traced", null, Severity.SEV3, IncidentSource.API), Actor.api("t"));
        MDC.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
        try {
            tx.executeWithoutResult(s -> outbox.enqueue("test.scripted", "qtrace", null, incident.getId(), "\"tr\""));
        } finally {
            MDC.remove("trace_id");
        }
        worker.runDueTasks();
        assertThat(handler.mdc).containsExactly("0af7651916cd43dd8448eb211c80319c/" + incident.reference());
        assertThat(MDC.get("trace_id")).as("restored after the task").isNull();
    }

    private double takeovers() {
        return registry.find("firebreak.outbox.lease.takeovers")
                .tag("target", "test")
                .counter()
                .count();
    }

    private double gauge(String name) {
        return registry.find(name).tag("target", "test").gauge().value();
    }
}
