package dev.firebreak.metrics;

import dev.firebreak.system.web.BadRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/metrics/incidents?from=&to=}: MTTA/MTTM/MTTR of the incidents opened in {@code [from, to)},
 * overall, per severity and per service (docs/api.md). Defaults: the last 30 days. At most 400 days.
 */
@RestController
class IncidentMetricsController {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(400);

    private final IncidentResponseTimes times;
    private final Clock clock;

    IncidentMetricsController(IncidentResponseTimes times, Clock clock) {
        this.times = times;
        this.clock = clock;
    }

    @GetMapping(path = "/api/metrics/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentResponseTimes.Report incidents(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_RANGE) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new BadRequestException("'from' must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new BadRequestException(
                    "The range from 'from' to 'to' must be at most " + MAX_RANGE.toDays() + " days");
        }
        return times.report(start, end);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(
                    "'" + name + "' must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z");
        }
    }
}
