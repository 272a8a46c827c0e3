package dev.firebreak.web;

import dev.firebreak.incident.Severity;
import dev.firebreak.metrics.IncidentResponseTimes;
import dev.firebreak.metrics.IncidentResponseTimes.Report;
import dev.firebreak.metrics.IncidentResponseTimes.Times;
import dev.firebreak.postmortem.TrendChart;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /insights}: incidents per week, MTTA and MTTR per week by severity, MTTR per week for the busiest services
 * (server-side SVG, {@link TrendChart}), and the table of the whole range; weeks start Monday 00:00 UTC.
 */
@Controller
class InsightsPage {

    static final List<Integer> WEEKS = List.of(4, 12, 26, 52);
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd");
    private static final Format FORMAT = new Format();

    private final IncidentResponseTimes times;
    private final Clock clock;

    InsightsPage(IncidentResponseTimes times, Clock clock) {
        this.times = times;
        this.clock = clock;
    }

    @GetMapping("/insights")
    String insights(@RequestParam(defaultValue = "12") int weeks, Model model) {
        int n = WEEKS.contains(weeks) ? weeks : 12;
        LocalDate thisWeek = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<String> labels = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        for (int w = n - 1; w >= 0; w--) {
            LocalDate start = thisWeek.minusWeeks(w);
            Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
            labels.add(LABEL.format(start));
            reports.add(times.report(from, from.plus(Duration.ofDays(7))));
        }
        Report range = times.report(
                thisWeek.minusWeeks(n - 1L).atStartOfDay(ZoneOffset.UTC).toInstant(),
                thisWeek.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant());

        List<TrendChart.Series> perWeek = List.of(new TrendChart.Series(
                "incidents",
                reports.stream().map(r -> (double) r.overall().incidents()).toList()));
        List<String> severities =
                List.of(Severity.values()).stream().map(Enum::name).toList();
        List<String> services = range.byService().stream()
                .sorted(Comparator.comparingInt(Times::incidents).reversed())
                .limit(5)
                .map(Times::key)
                .toList();

        model.addAttribute("weeks", n);
        model.addAttribute("choices", WEEKS);
        model.addAttribute("range", range);
        model.addAttribute(
                "incidentsChart",
                TrendChart.svg("Incidents per week", labels, perWeek, true, v -> Long.toString(Math.round(v))));
        model.addAttribute(
                "mttaChart",
                TrendChart.svg(
                        "Mean time to acknowledge, by severity",
                        labels,
                        series(reports, severities, Report::bySeverity, Times::mttaSeconds),
                        false,
                        InsightsPage::seconds));
        model.addAttribute(
                "mttrChart",
                TrendChart.svg(
                        "Mean time to resolve, by severity",
                        labels,
                        series(reports, severities, Report::bySeverity, Times::mttrSeconds),
                        false,
                        InsightsPage::seconds));
        model.addAttribute(
                "serviceChart",
                TrendChart.svg(
                        "Mean time to resolve, busiest services",
                        labels,
                        series(reports, services, Report::byService, Times::mttrSeconds),
                        false,
                        InsightsPage::seconds));
        return "insights";
    }

    private static List<TrendChart.Series> series(
            List<Report> reports,
            List<String> keys,
            Function<Report, List<Times>> groups,
            Function<Times, Double> value) {
        List<TrendChart.Series> out = new ArrayList<>();
        for (String key : keys) {
            List<Double> values = reports.stream()
                    .map(r -> groups.apply(r).stream()
                            .filter(t -> t.key().equals(key))
                            .findFirst()
                            .map(value)
                            .orElse(null))
                    .toList();
            if (values.stream().anyMatch(v -> v != null)) {
                out.add(new TrendChart.Series(key, values));
            }
        }
        return out;
    }

    private static String seconds(double s) {
        return FORMAT.seconds(s);
    }
}
