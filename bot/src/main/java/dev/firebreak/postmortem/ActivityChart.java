package dev.firebreak.postmortem;

import dev.firebreak.postmortem.PostmortemInput.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The alert-activity chart as plain SVG (no script, no external resource), a pure function of the data: the
 * alerts firing over time stacked per alertname ({@code path.series}) under a step line of the total
 * ({@code polyline.activity}), the phases opened → acknowledged → mitigated → resolved as shaded bands
 * ({@code rect.phase}), the milestones as dashed lines with labels stacked so that none overlap or leave the
 * picture ({@code g.milestone}), and, when alerts started long before the incident, an axis break
 * ({@code g.axis-break}) with a note giving the real detection time. It has a {@code <title>} and a
 * {@code <desc>} ({@link #description}), and switches to dark colours in viewers that prefer them.
 */
public final class ActivityChart {

    static final int WIDTH = 800;
    static final int LEFT = 44;
    static final int RIGHT = 16;
    static final int PAD = 10;
    static final int PLOT_HEIGHT = 150;
    static final int ROW = 15;
    static final int FONT = 11;
    static final int TITLE_FONT = 14;
    static final String[] PALETTE = {"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8c959f"};

    private ActivityChart() {}

    /** A phase of the response, shaded from {@code from} to {@code to}. */
    record Phase(String name, String cssClass, Instant from, Instant to) {}

    record Milestone(String name, Instant at) {}

    /** Everything laid out, before writing SVG. */
    record Chart(
            Incident incident,
            ChartSeries series,
            ChartAxis axis,
            List<Milestone> milestones,
            List<Phase> phases,
            String breakNote) {}

    public static String svg(PostmortemInput input) {
        return ChartSvg.write(layout(input));
    }

    /** The chart in words, for {@code <desc>} and the image's alt text. */
    public static String description(PostmortemInput input) {
        return description(layout(input));
    }

    static Chart layout(PostmortemInput input) {
        Incident incident = input.incident();
        ChartSeries series = ChartSeries.of(input.alerts());
        Instant end = incident.resolvedAt() != null ? incident.resolvedAt() : input.generatedAt();
        TreeSet<Instant> events = new TreeSet<>(series.changes());
        List<Milestone> milestones = new ArrayList<>();
        String[] names = {"Detected", "Opened", "Acknowledged", "Mitigated", "Resolved"};
        Instant[] at = {
            incident.detectedAt(),
            incident.openedAt(),
            incident.acknowledgedAt(),
            incident.mitigatedAt(),
            incident.resolvedAt()
        };
        for (int k = 0; k < names.length; k++) {
            if (at[k] != null) {
                events.add(at[k]);
                milestones.add(new Milestone(names[k], at[k]));
            }
        }
        if (!events.isEmpty() && events.last().isAfter(end)) {
            end = events.last();
        }
        events.add(end);
        ChartAxis axis = ChartAxis.fit(new ArrayList<>(events), LEFT, WIDTH - RIGHT);
        return new Chart(incident, series, axis, milestones, phases(incident, end), breakNote(incident, axis));
    }

    static List<Phase> phases(Incident i, Instant end) {
        Instant start = i.openedAt() != null ? i.openedAt() : i.detectedAt();
        Instant[] from = {start, i.acknowledgedAt(), i.mitigatedAt(), i.resolvedAt()};
        String[] names = {"Opened", "Acknowledged", "Mitigated", "Resolved"};
        String[] classes = {"phase-open", "phase-acknowledged", "phase-mitigated"};
        List<Phase> phases = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            if (from[k] == null) {
                continue;
            }
            int next = k + 1;
            while (next < from.length && from[next] == null) {
                next++;
            }
            Instant to = next < from.length ? from[next] : end;
            if (to.isAfter(from[k])) {
                String toName = next < from.length ? names[next].toLowerCase(Locale.ROOT) : "now";
                phases.add(new Phase(names[k] + " → " + toName, classes[k], from[k], to));
            }
        }
        return phases;
    }

    private static String breakNote(Incident i, ChartAxis axis) {
        if (!axis.hasBreak()) {
            return null;
        }
        String note = "Axis break: " + Durations.between(axis.gapFrom(), axis.gapTo())
                + " without alert changes is left out.";
        if (i.detectedAt() != null && i.openedAt() != null && i.detectedAt().isBefore(i.openedAt())) {
            note += "\nDetected (first alert) " + Durations.utc(i.detectedAt()) + ", "
                    + Durations.between(i.detectedAt(), i.openedAt()) + " before the incident was opened.";
        }
        return note;
    }

    static String description(Chart c) {
        StringBuilder sb = new StringBuilder();
        ChartSeries s = c.series();
        if (s.isEmpty()) {
            sb.append("No alerts.");
        } else {
            sb.append("Alerts firing over time").append(s.names().size() > 1 ? ", stacked by alertname: " : ": ");
            for (int k = 0; k < s.names().size(); k++) {
                int n = s.alertCounts().get(k);
                sb.append(k == 0 ? "" : ", ")
                        .append(s.names().get(k))
                        .append(" (")
                        .append(n)
                        .append(n == 1 ? " alert)" : " alerts)");
            }
            sb.append("; at most ").append(s.max()).append(" at once.");
        }
        for (Milestone m : c.milestones()) {
            sb.append(' ')
                    .append(m.name())
                    .append(' ')
                    .append(Durations.utc(m.at()))
                    .append('.');
        }
        if (c.breakNote() != null) {
            sb.append(' ').append(c.breakNote().replace('\n', ' '));
        }
        return sb.toString();
    }
}
