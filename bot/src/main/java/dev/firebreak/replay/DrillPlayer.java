package dev.firebreak.replay;

import dev.firebreak.alerting.AlertIntake;
import dev.firebreak.alerting.AlertmanagerNotification;
import dev.firebreak.alerting.IntakeResult;
import dev.firebreak.alerting.IntakeRules;
import dev.firebreak.incident.DrillKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plays due drill notifications through the live intake ({@link AlertIntake}), each with its groupKey inside the
 * drill ({@link DrillKeys}), so the incidents it opens are drill incidents. A notification is claimed by a
 * conditional UPDATE of {@code played_at} in the transaction that ingests it: played exactly once across replicas
 * and retries (a failure rolls both back and it is played on the next round). Within a drill, order is kept: a
 * failed notification holds back the rest of its drill for that round.
 */
@Component
class DrillPlayer {

    private static final Logger log = LoggerFactory.getLogger(DrillPlayer.class);

    private record Step(UUID drill, int seq, String body) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AlertIntake intake;
    private final Clock clock;

    DrillPlayer(JdbcTemplate jdbc, TransactionTemplate tx, AlertIntake intake, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * Runs on every replica, with no job lease: each notification is claimed by its own conditional update
     * ({@code played_at IS NULL}) in the transaction that ingests it, so it is played once whichever replica polls.
     */
    @Scheduled(fixedDelayString = "${firebreak.drills.poll-interval:500ms}")
    void poll() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Drill player: {}", e.toString());
        }
    }

    /** Plays every notification due now; returns how many were played (tests call it, like OutboxWorker.drain). */
    int drain() {
        int played = 0;
        while (true) {
            List<Step> due = jdbc.query(
                    """
                    SELECT s.drill_id, s.seq, s.body FROM drill_step s JOIN drill d ON d.id = s.drill_id
                    WHERE s.played_at IS NULL AND s.due_at <= ? AND d.status = 'RUNNING'
                    ORDER BY s.due_at, s.seq LIMIT 200""",
                    (rs, i) -> new Step(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)),
                    FlightRecorder.utc(clock.instant()));
            if (due.isEmpty()) {
                return played;
            }
            Set<UUID> held = new HashSet<>();
            int round = 0;
            for (Step step : due) {
                if (held.contains(step.drill())) {
                    continue;
                }
                try {
                    if (Boolean.TRUE.equals(tx.execute(s -> play(step)))) {
                        round++;
                    }
                } catch (RuntimeException e) {
                    held.add(step.drill());
                    log.warn("Drill {} notification {} not played yet: {}", step.drill(), step.seq(), e.toString());
                }
            }
            played += round;
            if (round == 0) {
                return played;
            }
        }
    }

    private boolean play(Step step) {
        AlertmanagerNotification n = IntakeRules.parse(step.body().getBytes(StandardCharsets.UTF_8));
        AlertmanagerNotification inDrill = new AlertmanagerNotification(
                n.receiver(),
                n.status(),
                DrillKeys.groupKey(step.drill(), n.groupKey()),
                n.externalUrl(),
                n.truncatedAlerts(),
                n.groupLabels(),
                n.commonLabels(),
                n.commonAnnotations(),
                n.alerts());
        int claimed = jdbc.update(
                "UPDATE drill_step SET played_at = ? WHERE drill_id = ? AND seq = ? AND played_at IS NULL",
                FlightRecorder.utc(clock.instant()),
                step.drill(),
                step.seq());
        if (claimed == 0) {
            return false;
        }
        IntakeResult result = intake.ingest(inDrill);
        jdbc.update(
                "UPDATE drill_step SET outcome = ? WHERE drill_id = ? AND seq = ?",
                result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                step.drill(),
                step.seq());
        return true;
    }
}
