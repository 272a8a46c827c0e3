package dev.firebreak.replay;

import dev.firebreak.system.web.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/recordings?from=&to=&groupKey=}: the flight recorder as a capture (NDJSON, one line per request,
 * oldest first; see {@link Captures} and docs/replay.md), gzip-compressed when the client accepts it. {@code from}
 * defaults to one hour before {@code to}, {@code to} to now. Read in pages of 500 rows, written as it goes.
 */
@RestController
class RecordingsController {

    static final String NDJSON = "application/x-ndjson";
    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RecordingsController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Row(long id, String line) {}

    @GetMapping("/api/recordings")
    void export(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupKey,
            @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            HttpServletResponse response)
            throws IOException {
        Instant end = to == null || to.isBlank() ? clock.instant() : time("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofHours(1)) : time("from", from);
        if (!start.isBefore(end)) {
            throw new BadRequestException("from must be before to");
        }
        boolean gzip = acceptEncoding != null
                && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        OutputStream raw = response.getOutputStream();
        OutputStream out = gzip ? new GZIPOutputStream(raw, 64 * 1024) : raw;
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            long after = -1;
            while (true) {
                List<Row> rows = page(start, end, groupKey, after);
                for (Row r : rows) {
                    w.write(r.line());
                    w.write('\n');
                }
                if (rows.size() < PAGE) {
                    break;
                }
                after = rows.get(rows.size() - 1).id();
            }
        }
    }

    private List<Row> page(Instant start, Instant end, String groupKey, long after) {
        String sql = "SELECT id, received_at, http_status, outcome, incident_ref, group_key, headers, answer, body "
                + "FROM alert_recording WHERE received_at >= ? AND received_at < ? AND id > ?"
                + (groupKey == null || groupKey.isBlank() ? "" : " AND group_key = ?")
                + " ORDER BY id LIMIT " + PAGE;
        Object[] args = groupKey == null || groupKey.isBlank()
                ? new Object[] {FlightRecorder.utc(start), FlightRecorder.utc(end), after}
                : new Object[] {FlightRecorder.utc(start), FlightRecorder.utc(end), after, groupKey};
        return jdbc.query(
                sql,
                (rs, i) -> new Row(
                        rs.getLong(1),
                        Captures.line(
                                rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                                rs.getInt(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9))),
                args);
    }

    private static Instant time(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an RFC 3339 time, e.g. 2026-12-01T06:00:00Z");
        }
    }
}
