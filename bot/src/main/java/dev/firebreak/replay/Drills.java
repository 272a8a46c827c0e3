package dev.firebreak.replay;

import dev.firebreak.alerting.AlertmanagerNotification;
import dev.firebreak.alerting.IntakeRules;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.DrillSettings;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.system.web.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drills: a capture played against the running bot as {@code DRILL-<n>} incidents (issue 14). Starting one writes the
 * drill and each notification with its due time (the capture's own spacing divided by {@code speed}) in one
 * transaction; {@link DrillPlayer} plays them. Stopping one drops what was not played yet and resolves its incidents
 * together.
 */
@Service
public class Drills {

    /** A drill as the API and Slack show it. */
    public record DrillView(
            UUID id,
            String name,
            String status,
            double speed,
            int notifications,
            int played,
            Instant startedAt,
            Instant endedAt,
            List<String> incidents) {}

    static final int MAX_NOTIFICATIONS = 100_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Incidents incidents;
    private final IncidentManagement management;
    private final DrillSettings settings;
    private final Clock clock;

    Drills(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            Incidents incidents,
            IncidentManagement management,
            DrillSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.incidents = incidents;
        this.management = management;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a drill from the capture's notifications; 400 when it holds none that intake would take. */
    public DrillView start(String name, List<Captures.Entry> capture, double speed, Actor by) {
        if (!(speed >= 1 && speed <= settings.maxSpeed())) {
            throw new BadRequestException("speed must be between 1 and " + settings.maxSpeed());
        }
        List<byte[]> bodies = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        Instant simulated = Instant.EPOCH;
        for (Captures.Entry e : capture) {
            if (e.refusedBeforeIntake()) {
                continue;
            }
            AlertmanagerNotification n;
            try {
                n = IntakeRules.parse(e.body());
            } catch (BadRequestException refused) {
                continue; // refused by intake when it was recorded, and it would be again
            }
            simulated = ReplaySimulator.nextTime(simulated, e.receivedAt(), n);
            bodies.add(e.body());
            times.add(simulated);
        }
        if (bodies.isEmpty()) {
            throw new BadRequestException("The capture holds no notification that intake accepts");
        }
        if (bodies.size() > MAX_NOTIFICATIONS) {
            throw new BadRequestException("A drill plays at most " + MAX_NOTIFICATIONS + " notifications");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant first = times.get(0);
        String drillName = name == null || name.isBlank() ? "drill" : name.strip();
        tx.executeWithoutResult(s -> {
            jdbc.update(
                    "INSERT INTO drill (id, name, status, speed, notifications, started_by, started_at)"
                            + " VALUES (?, ?, 'RUNNING', ?, ?, ?, ?)",
                    id,
                    cut(drillName, 255),
                    speed,
                    bodies.size(),
                    cut(by.name(), 255),
                    FlightRecorder.utc(now));
            List<Object[]> rows = new ArrayList<>(bodies.size());
            for (int i = 0; i < bodies.size(); i++) {
                long offsetMillis =
                        (long) (Duration.between(first, times.get(i)).toMillis() / speed);
                rows.add(new Object[] {
                    id,
                    i,
                    FlightRecorder.utc(now.plusMillis(offsetMillis)),
                    new String(bodies.get(i), StandardCharsets.UTF_8)
                });
            }
            jdbc.batchUpdate("INSERT INTO drill_step (drill_id, seq, due_at, body) VALUES (?, ?, ?, ?)", rows);
        });
        return get(id).orElseThrow();
    }

    /** Starts a drill from a capture file in {@code firebreak.drills.path}. */
    public DrillView startNamed(String capture, double speed, Actor by) {
        return start(capture, read(captureFile(capture)), speed, by);
    }

    /** Stops the drill: nothing more is played, and its open incidents are resolved together. */
    public DrillView stop(UUID id, Actor by) {
        DrillView drill = get(id).orElseThrow(() -> new NotFound(id.toString()));
        if ("RUNNING".equals(drill.status())) {
            tx.executeWithoutResult(s -> {
                jdbc.update(
                        "UPDATE drill SET status = 'STOPPED', ended_at = ? WHERE id = ? AND status = 'RUNNING'",
                        FlightRecorder.utc(clock.instant()),
                        id);
                jdbc.update("DELETE FROM drill_step WHERE drill_id = ? AND played_at IS NULL", id);
            });
        }
        for (Incident i : incidents.findOpenOfDrill(id)) {
            if (i.getStatus().canMoveTo(IncidentStatus.RESOLVED)) {
                management.resolve(i.getId(), by, "Drill " + drill.name() + " stopped");
            }
        }
        return get(id).orElseThrow();
    }

    public Optional<DrillView> get(UUID id) {
        List<DrillView> found = jdbc.query(
                "SELECT id, name, status, speed, notifications, started_at, ended_at,"
                        + " (SELECT COUNT(*) FROM drill_step s WHERE s.drill_id = d.id AND s.played_at IS NOT NULL)"
                        + " FROM drill d WHERE id = ?",
                (rs, n) -> new DrillView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDouble(4),
                        rs.getInt(5),
                        rs.getInt(8),
                        rs.getObject(6, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(7, java.time.OffsetDateTime.class) == null
                                ? null
                                : rs.getObject(7, java.time.OffsetDateTime.class)
                                        .toInstant(),
                        references(id)),
                id);
        return found.stream().findFirst();
    }

    /** Running drills, newest first. */
    public List<UUID> running() {
        return jdbc.queryForList("SELECT id FROM drill WHERE status = 'RUNNING' ORDER BY started_at DESC", UUID.class);
    }

    private List<String> references(UUID drill) {
        return jdbc
                .queryForList("SELECT number FROM incident WHERE drill_id = ? ORDER BY number DESC", Long.class, drill)
                .stream()
                .map(Incident::reference)
                .toList();
    }

    Path captureFile(String name) {
        if (settings.path() == null || settings.path().isBlank()) {
            throw new BadRequestException("No captures folder: set firebreak.drills.path");
        }
        Path folder = Path.of(settings.path()).toAbsolutePath().normalize();
        for (String candidate : List.of(name, name + ".ndjson", name + ".jsonl", name + ".json", name + ".ndjson.gz")) {
            Path p = folder.resolve(candidate).normalize();
            if (p.startsWith(folder) && !p.equals(folder) && Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new NotFound("capture " + name + " in " + settings.path());
    }

    /** The capture names in {@code firebreak.drills.path}. */
    public List<String> captures() {
        if (settings.path() == null || settings.path().isBlank()) {
            return List.of();
        }
        try (var files = Files.list(Path.of(settings.path()))) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Captures.Entry> read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            return Captures.read(file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw);
        } catch (IOException e) {
            throw new BadRequestException("Cannot read the capture " + file.getFileName() + ": " + e.getMessage());
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** 404 for an unknown drill or capture. */
    static final class NotFound extends BadRequestException {
        NotFound(String what) {
            super(HttpStatus.NOT_FOUND, "not_found", "No " + what);
        }
    }
}
