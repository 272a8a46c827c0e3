package dev.firebreak.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Plays a capture through the live webhook and offline, and compares the incidents they end with. */
final class ReplayParity {

    /** The project's recorded Alertmanager fixtures, in the order they were delivered. */
    static final List<String> FIXTURES = List.of(
            "firing-two-pods.json",
            "one-pod-resolved.json",
            "group-resolved.json",
            "firing-truncated-max3-of-10.json",
            "resolved-truncated-max3-of-10.json",
            "behaviour/01-firing-basic-auth-truncated.json",
            "behaviour/02-firing-bearer.json",
            "behaviour/03-firing-retry-500.json",
            "behaviour/04-partial-resolve-hidden-by-truncation.json",
            "behaviour/05-resolved-single.json",
            "behaviour/06-resolved-group.json",
            "behaviour/07-ha-split-brain-am1.json",
            "behaviour/08-ha-split-brain-am2.json");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ReplayParity() {}

    /** Posts every notification intake would see, in order, as Alertmanager did. */
    static void postLive(int port, String token, List<Captures.Entry> capture) {
        for (Captures.Entry e : capture) {
            if (e.refusedBeforeIntake()) {
                continue;
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/alertmanager"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(e.body()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isLessThan(500);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    @SuppressWarnings("unchecked")
    /**
     * The live incidents of these groups: "group status severity alerts title", by group, then in the order they
     * opened. Numbers are left out: notifications of different groups that raced are numbered in commit order,
     * which the recording order (answer order) follows only closely.
     */
    static List<String> live(JdbcTemplate jdbc, List<String> groupKeys) {
        return jdbc
                .query(
                        "SELECT id, correlation_key, status, severity, title,"
                                + " (SELECT COUNT(*) FROM alert a WHERE a.incident_id = i.id) FROM incident i ORDER BY number",
                        (rs, n) -> new Object[] {
                            rs.getObject(1, java.util.UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getLong(6)
                        })
                .stream()
                .map(r -> {
                    // A storm incident has no groupKey of its own: its groups are its members.
                    List<String> groups = r[1] != null
                            ? List.of((String) r[1])
                            : jdbc.queryForList(
                                    "SELECT group_key FROM incident_group WHERE incident_id = ?", String.class, r[0]);
                    return new Object[] {groups, r[2], r[3], r[4], r[5]};
                })
                .filter(r -> ((List<?>) r[0]).stream().anyMatch(groupKeys::contains))
                .map(r -> line(groups((List<String>) r[0]), (String) r[1], (String) r[2], (Long) r[4], (String) r[3]))
                .sorted(java.util.Comparator.comparing(l -> l.substring(0, l.indexOf(" | "))))
                .toList();
    }

    /** Storm members sorted: groups that joined concurrently joined in commit order live, in answer order offline. */
    private static String groups(List<String> groups) {
        return groups.stream().sorted().collect(java.util.stream.Collectors.joining(" + "));
    }

    /** The same lines from the offline replay, with the configuration the live test runs. */
    static List<String> offline(Path config, List<Captures.Entry> capture) throws IOException {
        ReplayReport report = new ReplaySimulator(ReplayConfig.load(config)).run(capture);
        return report.incidents().stream()
                .map(i -> line(groups(i.groups()), i.status(), i.severity(), i.alerts(), i.title()))
                .sorted(java.util.Comparator.comparing(l -> l.substring(0, l.indexOf(" | "))))
                .toList();
    }

    static List<String> groupKeys(List<Captures.Entry> capture) {
        return capture.stream()
                .filter(e -> !e.refusedBeforeIntake())
                .map(e -> FlightRecorder.groupKey(e.body()))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    private static String line(String group, String status, String severity, long alerts, String title) {
        return group + " | " + status + " " + severity + " " + alerts + " alerts: " + title;
    }
}
