package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.postmortem.PostmortemInput.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alert-activity chart as SVG, a pure function of the data: the number of alerts firing over time as a
 * step line ({@code polyline.activity}), and the milestones (detected, acknowledged, mitigated, resolved) as
 * labelled vertical lines ({@code g.milestone}). All text is XML-escaped.
 */
public final class ActivityChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 260;
    static final int LEFT = 50;
    static final int RIGHT = 20;
    static final int TOP = 40;
    static final int BOTTOM = 40;

    private ActivityChart() {
    }

    public static String svg(PostmortemInput input) {
        Incident incident = input.incident();
        TreeMap<Instant, Integer> deltas = deltas(input.alerts());
        Instant start = earliest(incident.detectedAt(), incident.openedAt(), deltas.isEmpty() ? null : deltas.firstKey());
        Instant end = incident.resolvedAt() != null ? incident.resolvedAt() : input.generatedAt();
        if (!deltas.isEmpty() && deltas.lastKey().isAfter(end)) {
            end = deltas.lastKey();
        }
        if (start == null) {
            start = end;
        }
        if (!end.isAfter(start)) {
            end = start.plusSeconds(60);
        }
        List<long[]> steps = steps(deltas);
        int max = 1;
        for (long[] s : steps) {
            max = Math.max(max, (int) s[1]);
        }
        Scale scale = new Scale(start, end, max);

        StringBuilder svg = new StringBuilder(4096 + steps.size() * 24);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n");
        String title = incident.reference() + " " + (incident.title() == null ? "" : incident.title()) + ": alerts firing";
        svg.append("<title>").append(Xml.escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text class=\"heading\" x=\"").append(LEFT).append("\" y=\"18\" font-size=\"13\">")
                .append(Xml.escape(title)).append("</text>\n");
        // axes
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = HEIGHT - BOTTOM;
        svg.append("<g class=\"axes\" stroke=\"#57606a\">")
                .append("<line x1=\"").append(x0).append("\" y1=\"").append(y0).append("\" x2=\"").append(x1).append("\" y2=\"").append(y0).append("\"/>")
                .append("<line x1=\"").append(x0).append("\" y1=\"").append(TOP).append("\" x2=\"").append(x0).append("\" y2=\"").append(y0).append("\"/>")
                .append("</g>\n");
        svg.append("<g class=\"labels\" fill=\"#57606a\">")
                .append("<text x=\"").append(x0 - 6).append("\" y=\"").append(y0).append("\" text-anchor=\"end\">0</text>")
                .append("<text x=\"").append(x0 - 6).append("\" y=\"").append(TOP + 4).append("\" text-anchor=\"end\">").append(max).append("</text>")
                .append("<text x=\"").append(x0).append("\" y=\"").append(y0 + 16).append("\">").append(Xml.escape(Durations.utc(start))).append("</text>")
                .append("<text x=\"").append(x1).append("\" y=\"").append(y0 + 16).append("\" text-anchor=\"end\">").append(Xml.escape(Durations.utc(end))).append("</text>")
                .append("</g>\n");
        // the step line: from (start, 0) through every change to (end, last count)
        svg.append("<polyline class=\"activity\" fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\" points=\"");
        int count = 0;
        point(svg, scale.x(start), scale.y(0));
        for (long[] s : steps) {
            Instant at = Instant.ofEpochMilli(s[0]);
            svg.append(' ');
            point(svg, scale.x(at), scale.y(count));
            count = (int) s[1];
            svg.append(' ');
            point(svg, scale.x(at), scale.y(count));
        }
        svg.append(' ');
        point(svg, scale.x(end), scale.y(count));
        svg.append("\"/>\n");
        // milestones
        int slot = 0;
        for (Map.Entry<String, Instant> m : milestones(incident).entrySet()) {
            if (m.getValue() == null) {
                continue;
            }
            double x = scale.x(m.getValue());
            int labelY = TOP - 4 + (slot++ % 2) * 12;
            svg.append("<g class=\"milestone\" data-milestone=\"").append(m.getKey().toLowerCase(Locale.ROOT)).append("\">")
                    .append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(fmt(x))
                    .append("\" y2=\"").append(y0).append("\" stroke=\"#0969da\" stroke-dasharray=\"4 3\"/>")
                    .append("<text x=\"").append(fmt(x + 3)).append("\" y=\"").append(labelY).append("\" fill=\"#0969da\">")
                    .append(Xml.escape(m.getKey() + " " + Durations.time(m.getValue()))).append("</text></g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Alert starts (+1) and ends of resolved alerts (-1), summed per instant. */
    static TreeMap<Instant, Integer> deltas(List<AlertFact> alerts) {
        TreeMap<Instant, Integer> deltas = new TreeMap<>();
        for (AlertFact a : alerts) {
            if (a.startsAt() == null) {
                continue;
            }
            deltas.merge(a.startsAt(), 1, Integer::sum);
            if (!a.firing() && a.endsAt() != null) {
                Instant end = a.endsAt().isBefore(a.startsAt()) ? a.startsAt() : a.endsAt();
                deltas.merge(end, -1, Integer::sum);
            }
        }
        deltas.values().removeIf(v -> v == 0);
        return deltas;
    }

    /** [epochMillis, count after] for each instant where the count changes. */
    static List<long[]> steps(TreeMap<Instant, Integer> deltas) {
        List<long[]> steps = new ArrayList<>(deltas.size());
        int count = 0;
        for (Map.Entry<Instant, Integer> d : deltas.entrySet()) {
            count += d.getValue();
            steps.add(new long[] {d.getKey().toEpochMilli(), count});
        }
        return steps;
    }

    static Map<String, Instant> milestones(Incident i) {
        Map<String, Instant> m = new java.util.LinkedHashMap<>();
        m.put("Detected", i.detectedAt());
        m.put("Acknowledged", i.acknowledgedAt());
        m.put("Mitigated", i.mitigatedAt());
        m.put("Resolved", i.resolvedAt());
        return m;
    }

    private static Instant earliest(Instant... values) {
        Instant min = null;
        for (Instant v : values) {
            if (v != null && (min == null || v.isBefore(min))) {
                min = v;
            }
        }
        return min;
    }

    private static void point(StringBuilder sb, double x, double y) {
        sb.append(fmt(x)).append(',').append(fmt(y));
    }

    private static String fmt(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    private record Scale(Instant start, Instant end, int max) {
        double x(Instant t) {
            double span = Duration.between(start, end).toMillis();
            double off = Duration.between(start, t).toMillis();
            return LEFT + (WIDTH - LEFT - RIGHT) * Math.max(0, Math.min(1, off / span));
        }

        double y(int count) {
            return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * (double) count / max;
        }
    }
}
