package dev.firebreak.postmortem;

import static dev.firebreak.postmortem.ActivityChart.FONT;
import static dev.firebreak.postmortem.ActivityChart.LEFT;
import static dev.firebreak.postmortem.ActivityChart.PAD;
import static dev.firebreak.postmortem.ActivityChart.PALETTE;
import static dev.firebreak.postmortem.ActivityChart.PLOT_HEIGHT;
import static dev.firebreak.postmortem.ActivityChart.ROW;
import static dev.firebreak.postmortem.ActivityChart.TITLE_FONT;
import static dev.firebreak.postmortem.ActivityChart.WIDTH;

import dev.firebreak.postmortem.ActivityChart.Chart;
import dev.firebreak.postmortem.ActivityChart.Milestone;
import dev.firebreak.postmortem.ActivityChart.Phase;
import dev.firebreak.postmortem.ChartText.Label;
import dev.firebreak.postmortem.ChartText.LegendItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Writes a laid-out {@link Chart} as SVG text; every text element carries its font size and anchor. */
final class ChartSvg {

    static final String FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
    static final String STYLE = ".bg{fill:#ffffff}.fg{fill:#1f2328}.muted{fill:#59636e}.line{stroke:#1f2328}"
            + ".axis{stroke:#59636e}.grid{stroke:#d1d9e0}.phase-open{fill:#ffe7cc}.phase-acknowledged{fill:#d6ecff}"
            + ".phase-mitigated{fill:#d3f5dc}\n@media (prefers-color-scheme: dark){.bg{fill:#0d1117}.fg{fill:#e6edf3}"
            + ".muted{fill:#9198a1}.line{stroke:#e6edf3}.axis{stroke:#9198a1}.grid{stroke:#30363d}"
            + ".phase-open{fill:#3d2300}.phase-acknowledged{fill:#0c2d6b}.phase-mitigated{fill:#0f3a1e}}";
    private static final String[] PHASE_FILL = {"#ffe7cc", "#d6ecff", "#d3f5dc"};

    private ChartSvg() {}

    static String write(Chart c) {
        ChartAxis axis = c.axis();
        List<String> texts = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        for (Milestone m : c.milestones()) {
            texts.add(m.name() + " " + axis.time(m.at()));
            xs.add(axis.x(m.at()));
        }
        List<Label> labels = ChartText.stack(texts, xs, FONT, PAD, WIDTH - PAD);
        int rows = ChartText.rows(labels);
        double titleY = PAD + TITLE_FONT;
        double plotTop = titleY + 10 + rows * ROW + 6;
        double plotBottom = plotTop + PLOT_HEIGHT;
        List<String> note = new ArrayList<>();
        if (c.breakNote() != null) {
            for (String sentence : c.breakNote().split("\n")) {
                note.addAll(ChartText.wrap(sentence, FONT, WIDTH - 2 * PAD));
            }
        }
        double legendY = plotBottom + 50 + note.size() * 14;
        List<LegendItem> legend = ChartText.legend(legendEntries(c), FONT, PAD, WIDTH - PAD);
        int legendRows = legend.isEmpty() ? 0 : legend.get(legend.size() - 1).row() + 1;
        long height = Math.round(legendY + Math.max(0, legendRows - 1) * 16 + 4 + PAD);
        ChartSeries s = c.series();
        int max = Math.max(1, s.max());
        Y y = count -> plotBottom - (PLOT_HEIGHT - 10) * (double) count / max;

        StringBuilder svg = new StringBuilder(
                8192 + s.changes().size() * 40 * Math.max(1, s.names().size()));
        Svg.open(
                        svg,
                        "svg",
                        "xmlns",
                        "http://www.w3.org/2000/svg",
                        "width",
                        WIDTH,
                        "height",
                        height,
                        "viewBox",
                        "0 0 " + WIDTH + " " + height,
                        "font-family",
                        FONT_FAMILY,
                        "font-size",
                        FONT,
                        "role",
                        "img",
                        "aria-labelledby",
                        "chart-title chart-desc")
                .append(">\n");
        String title = c.incident().reference() + " "
                + (c.incident().title() == null ? "" : c.incident().title()) + ": alerts firing";
        svg.append("<title id=\"chart-title\">").append(Xml.escape(title)).append("</title>\n");
        svg.append("<desc id=\"chart-desc\">")
                .append(Xml.escape(ActivityChart.description(c)))
                .append("</desc>\n");
        svg.append("<style>").append(STYLE).append("</style>\n");
        svg.append("<rect class=\"bg\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        Svg.label(svg, "heading fg", PAD, titleY, TITLE_FONT, null, ChartText.fit(title, TITLE_FONT, WIDTH - 2 * PAD));
        for (Phase p : c.phases()) {
            double x0 = axis.x(p.from());
            Svg.open(
                            svg,
                            "rect",
                            "class",
                            "phase " + p.cssClass(),
                            "data-phase",
                            p.cssClass().substring(6),
                            "x",
                            Svg.number(x0),
                            "y",
                            Svg.number(plotTop),
                            "width",
                            Svg.number(Math.max(1, axis.x(p.to()) - x0)),
                            "height",
                            PLOT_HEIGHT,
                            "fill",
                            PHASE_FILL[phaseIndex(p)])
                    .append("/>\n");
        }
        yAxis(svg, axis, y, s.max(), plotTop, plotBottom);
        series(svg, s, axis, y);
        xAxis(svg, c, axis, plotTop, plotBottom);
        labels.sort(Comparator.comparingInt(Label::row).reversed());
        for (Label l : labels) {
            double baseline = plotTop - 6 - l.row() * ROW;
            String name = l.text().substring(0, l.text().indexOf(' ')).toLowerCase(Locale.ROOT);
            Svg.open(svg, "g", "class", "milestone", "data-milestone", Xml.escape(name))
                    .append('>');
            Svg.open(
                            svg,
                            "line",
                            "class",
                            "line",
                            "x1",
                            Svg.number(l.lineX()),
                            "y1",
                            Svg.number(baseline - 9),
                            "x2",
                            Svg.number(l.lineX()),
                            "y2",
                            Svg.number(plotBottom),
                            "stroke",
                            "#1f2328",
                            "stroke-width",
                            1,
                            "stroke-dasharray",
                            "4 3")
                    .append("/>");
            background(svg, l.textX() - 2, baseline - 10, l.width() + 4, "13", null);
            Svg.label(svg, "fg", l.textX(), baseline, FONT, null, l.text());
            svg.append("</g>\n");
        }
        for (int k = 0; k < note.size(); k++) {
            Svg.label(svg, "note fg", PAD, plotBottom + 48 + k * 14, FONT, null, note.get(k));
        }
        svg.append("<g class=\"legend\">");
        for (LegendItem item : legend) {
            double base = legendY + item.row() * 16;
            Svg.open(
                            svg,
                            "rect",
                            "class",
                            item.cssClass(),
                            "x",
                            Svg.number(item.x()),
                            "y",
                            Svg.number(base - 9),
                            "width",
                            10,
                            "height",
                            10,
                            "fill",
                            item.color(),
                            "stroke",
                            "#8c959f",
                            "stroke-width",
                            "0.5")
                    .append("/>");
            Svg.label(svg, "fg", item.x() + ChartText.SWATCH + 4, base, FONT, null, item.text());
        }
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    interface Y {
        double of(int count);
    }

    private static int phaseIndex(Phase p) {
        return switch (p.cssClass()) {
            case "phase-open" -> 0;
            case "phase-acknowledged" -> 1;
            default -> 2;
        };
    }

    private static List<String[]> legendEntries(Chart c) {
        List<String[]> entries = new ArrayList<>();
        ChartSeries s = c.series();
        for (int k = 0; k < s.names().size(); k++) {
            int n = s.alertCounts().get(k);
            entries.add(new String[] {
                s.names().get(k) + " (" + n + (n == 1 ? " alert)" : " alerts)"),
                "series",
                PALETTE[Math.min(k, PALETTE.length - 1)]
            });
        }
        for (Phase p : c.phases()) {
            entries.add(new String[] {p.name(), p.cssClass(), PHASE_FILL[phaseIndex(p)]});
        }
        return entries;
    }

    private static void yAxis(StringBuilder svg, ChartAxis axis, Y y, int max, double plotTop, double plotBottom) {
        List<Integer> ticks = new ArrayList<>();
        if (max <= 4) {
            for (int v = 0; v <= Math.max(1, max); v++) {
                ticks.add(v);
            }
        } else {
            ticks.addAll(List.of(0, Math.round(max / 2f), max));
        }
        svg.append("<g class=\"y-axis\">");
        for (int v : ticks) {
            double ty = y.of(v);
            if (v > 0) {
                line(svg, "grid", axis.left(), ty, axis.right(), ty, "#d1d9e0", "0.5");
            }
            Svg.label(svg, "muted", LEFT - 6, ty + 4, FONT, "end", Integer.toString(v));
        }
        line(svg, "axis", axis.left(), plotTop, axis.left(), plotBottom, "#59636e", null);
        svg.append("</g>\n");
    }

    private static void series(StringBuilder svg, ChartSeries s, ChartAxis axis, Y y) {
        int[] zero = new int[s.changes().size()];
        for (int k = 0; k < s.names().size(); k++) {
            int[] upper = s.stacked()[k];
            int[] lower = k == 0 ? zero : s.stacked()[k - 1];
            List<double[]> up = steps(s, axis, y, upper, false);
            List<double[]> down = steps(s, axis, y, lower, false);
            StringBuilder d = new StringBuilder("M");
            for (double[] p : up) {
                d.append(Svg.number(p[0])).append(',').append(Svg.number(p[1])).append(' ');
            }
            for (int i = down.size() - 1; i >= 0; i--) {
                d.append(Svg.number(down.get(i)[0]))
                        .append(',')
                        .append(Svg.number(down.get(i)[1]))
                        .append(i == 0 ? "Z" : " ");
            }
            Svg.open(
                            svg,
                            "path",
                            "class",
                            "series",
                            "data-series",
                            k,
                            "fill",
                            PALETTE[Math.min(k, PALETTE.length - 1)],
                            "fill-opacity",
                            "0.85",
                            "d",
                            d)
                    .append("/>\n");
        }
        StringBuilder points = new StringBuilder();
        List<double[]> total = steps(s, axis, y, s.total(), true);
        for (int i = 0; i < total.size(); i++) {
            points.append(i == 0 ? "" : " ")
                    .append(Svg.number(total.get(i)[0]))
                    .append(',')
                    .append(Svg.number(total.get(i)[1]));
        }
        Svg.open(
                        svg,
                        "polyline",
                        "class",
                        "activity line",
                        "fill",
                        "none",
                        "stroke",
                        "#1f2328",
                        "stroke-width",
                        "1.5",
                        "points",
                        points)
                .append("/>\n");
    }

    /** A step line from the chart's start (0 firing) through each change to its end; unchanged values skipped if asked. */
    private static List<double[]> steps(ChartSeries s, ChartAxis axis, Y y, int[] values, boolean skipUnchanged) {
        List<double[]> points = new ArrayList<>(values.length * 2 + 2);
        int count = 0;
        points.add(new double[] {axis.left(), y.of(0)});
        for (int k = 0; k < values.length; k++) {
            if (skipUnchanged && values[k] == count) {
                continue;
            }
            double x = axis.x(s.changes().get(k));
            points.add(new double[] {x, y.of(count)});
            count = values[k];
            points.add(new double[] {x, y.of(count)});
        }
        points.add(new double[] {axis.right(), y.of(count)});
        return points;
    }

    private static void xAxis(StringBuilder svg, Chart c, ChartAxis axis, double plotTop, double plotBottom) {
        svg.append("<g class=\"x-axis\">");
        double from = axis.hasBreak() ? axis.main().x0() : axis.left();
        axisLine(svg, from, axis.right(), plotBottom);
        double minX = PAD;
        if (axis.hasBreak()) {
            axisLine(svg, axis.prelude().x0(), axis.prelude().x1(), plotBottom);
            String label = axis.preludeLabel();
            double center = (axis.prelude().x0() + axis.prelude().x1()) / 2;
            Svg.label(svg, "muted", center, plotBottom + 15, FONT, "middle", label);
            minX = center + ChartText.width(label, FONT) / 2 + 8;
        }
        for (ChartAxis.Tick t : axis.ticks()) {
            double w = ChartText.width(t.label(), FONT);
            if (t.x() - w / 2 < minX || t.x() + w / 2 > WIDTH - PAD) {
                continue;
            }
            line(svg, "axis", t.x(), plotBottom, t.x(), plotBottom + 4, "#59636e", null);
            Svg.label(svg, "muted", t.x(), plotBottom + 15, FONT, "middle", t.label());
            minX = t.x() + w / 2 + 8;
        }
        String caption = axis.caption();
        Svg.label(svg, "muted", (from + axis.right()) / 2, plotBottom + 30, FONT, "middle", caption);
        svg.append("</g>\n");
        if (axis.hasBreak()) {
            double a = axis.prelude().x1();
            double b = axis.main().x0();
            Svg.open(
                            svg,
                            "g",
                            "class",
                            "axis-break",
                            "data-skipped",
                            Xml.escape(Durations.between(axis.gapFrom(), axis.gapTo())))
                    .append('>');
            background(svg, a + 3, plotTop, b - a - 6, Integer.toString(PLOT_HEIGHT), "0.85");
            for (double x : new double[] {a + 3, b - 3}) {
                line(svg, "axis", x - 4, plotBottom + 6, x + 4, plotBottom - 6, "#59636e", "1.5");
            }
            svg.append("</g>\n");
        }
    }

    /** A rectangle in the background colour (covers what lies under a label or an axis break). */
    private static void background(
            StringBuilder svg, double x, double y, double width, String height, String fillOpacity) {
        Svg.open(
                        svg,
                        "rect",
                        "class",
                        "bg",
                        "x",
                        Svg.number(x),
                        "y",
                        Svg.number(y),
                        "width",
                        Svg.number(width),
                        "height",
                        height,
                        "fill",
                        "#ffffff",
                        "fill-opacity",
                        fillOpacity)
                .append("/>");
    }

    private static void axisLine(StringBuilder svg, double x0, double x1, double y) {
        line(svg, "axis", x0, y, x1, y, "#59636e", null);
    }

    private static void line(
            StringBuilder svg,
            String cssClass,
            double x1,
            double y1,
            double x2,
            double y2,
            String stroke,
            String strokeWidth) {
        Svg.open(
                        svg,
                        "line",
                        "class",
                        cssClass,
                        "x1",
                        Svg.number(x1),
                        "y1",
                        Svg.number(y1),
                        "x2",
                        Svg.number(x2),
                        "y2",
                        Svg.number(y2),
                        "stroke",
                        stroke,
                        "stroke-width",
                        strokeWidth)
                .append("/>");
    }
}
