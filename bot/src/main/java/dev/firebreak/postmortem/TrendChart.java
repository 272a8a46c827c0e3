package dev.firebreak.postmortem;

import dev.firebreak.postmortem.ChartText.LegendItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A small trend chart over equal periods (weeks): bars for one series, lines for several; the same look, palette,
 * text measuring, legend layout and escaping as the post-mortem's activity chart. The SVG uses presentation
 * attributes only (no {@code <style>} or {@code style=""}), so a page with a strict Content-Security-Policy can
 * inline it; classes ({@code fg}, {@code muted}, {@code grid}, {@code axis}) let that page restyle it (dark mode).
 * A {@code null} value is a gap (no incident that period), not a zero.
 */
public final class TrendChart {

    /** One named series, one value per period. */
    public record Series(String name, List<Double> values) {}

    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int LEFT = 64;
    private static final int TOP = 34;
    private static final int BOTTOM = 28;
    private static final int PAD = ActivityChart.PAD;
    private static final int FONT = 13;

    private TrendChart() {}

    /**
     * @param periods one label per period (x axis)
     * @param format  how a value reads on the y axis and in the description (a count, a duration)
     */
    public static String svg(
            String title, List<String> periods, List<Series> series, boolean bars, DoubleFunction<String> format) {
        double max = 0;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        // Counts get whole-number ticks (a multiple of 4 as the top); durations get 10% headroom.
        max = bars ? Math.max(4, Math.ceil(max / 4) * 4) : (max <= 0 ? 1 : max * 1.1);
        List<String[]> legendEntries = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            legendEntries.add(new String[] {series.get(i).name(), "series-" + i, color(i)});
        }
        List<LegendItem> legend = !bars ? ChartText.legend(legendEntries, FONT, PAD, WIDTH - PAD) : List.of();
        int legendRows = legend.isEmpty() ? 0 : legend.get(legend.size() - 1).row() + 1;
        int height = HEIGHT + legendRows * 16;
        double plotBottom = HEIGHT - BOTTOM;
        double plotWidth = WIDTH - LEFT - PAD;
        int n = Math.max(1, periods.size());
        double step = plotWidth / n;

        StringBuilder svg = new StringBuilder(4096);
        Svg.open(
                        svg,
                        "svg",
                        "xmlns",
                        "http://www.w3.org/2000/svg",
                        "class",
                        "chart",
                        "viewBox",
                        "0 0 " + WIDTH + " " + height,
                        "font-family",
                        ChartSvg.FONT_FAMILY,
                        "font-size",
                        FONT,
                        "role",
                        "img")
                .append(">\n<title>")
                .append(Xml.escape(title))
                .append("</title>\n<desc>")
                .append(Xml.escape(describe(periods, series, format)))
                .append("</desc>\n");
        Svg.label(svg, "fg", PAD, PAD + 16, 16, "start", ChartText.fit(title, 16, WIDTH - 2 * PAD));
        for (int t = 0; t <= 4; t++) {
            double value = max * t / 4;
            double y = plotBottom - (plotBottom - TOP) * t / 4;
            horizontal(svg, "grid", "#d1d9e0", y);
            Svg.label(svg, "muted", LEFT - 4, y + 4, FONT, "end", format.apply(value));
        }
        int every = Math.max(1, (int) Math.ceil(periods.size() / (plotWidth / 60)));
        for (int p = 0; p < periods.size(); p += every) {
            Svg.label(svg, "muted", LEFT + step * p + step / 2, plotBottom + 16, FONT, "middle", periods.get(p));
        }
        for (int s = 0; s < series.size(); s++) {
            List<Double> values = series.get(s).values();
            if (bars) {
                for (int p = 0; p < values.size(); p++) {
                    Double v = values.get(p);
                    if (v != null && v > 0) {
                        double h = (plotBottom - TOP) * v / max;
                        Svg.open(
                                        svg,
                                        "rect",
                                        "fill",
                                        color(s),
                                        "x",
                                        Svg.number(LEFT + step * p + step * 0.15),
                                        "y",
                                        Svg.number(plotBottom - h),
                                        "width",
                                        Svg.number(step * 0.7),
                                        "height",
                                        Svg.number(h))
                                .append("><title>")
                                .append(Xml.escape(periods.get(p) + ": " + format.apply(v)))
                                .append("</title></rect>\n");
                    }
                }
            } else {
                StringBuilder path = new StringBuilder();
                for (int p = 0; p < values.size(); p++) {
                    Double v = values.get(p);
                    if (v == null) {
                        continue;
                    }
                    double x = LEFT + step * p + step / 2;
                    double y = plotBottom - (plotBottom - TOP) * v / max;
                    path.append(path.isEmpty() || values.get(p - 1) == null ? "M" : "L")
                            .append(Svg.number(x))
                            .append(' ')
                            .append(Svg.number(y));
                    Svg.open(svg, "circle", "fill", color(s), "cx", Svg.number(x), "cy", Svg.number(y), "r", 3)
                            .append("><title>")
                            .append(Xml.escape(series.get(s).name() + ", " + periods.get(p) + ": " + format.apply(v)))
                            .append("</title></circle>\n");
                }
                if (!path.isEmpty()) {
                    Svg.open(svg, "path", "fill", "none", "stroke-width", 2, "stroke", color(s), "d", path)
                            .append("/>\n");
                }
            }
        }
        horizontal(svg, "axis", "#59636e", plotBottom);
        for (LegendItem item : legend) {
            double y = HEIGHT + item.row() * 16;
            Svg.open(
                            svg,
                            "rect",
                            "fill",
                            item.color(),
                            "x",
                            Svg.number(item.x()),
                            "y",
                            Svg.number(y - 9),
                            "width",
                            10,
                            "height",
                            10)
                    .append("/>\n");
            Svg.label(svg, "fg", item.x() + 14, y, FONT, "start", item.text());
        }
        return svg.append("</svg>\n").toString();
    }

    private static String describe(List<String> periods, List<Series> series, DoubleFunction<String> format) {
        List<String> parts = new ArrayList<>();
        for (Series s : series) {
            List<String> values = new ArrayList<>();
            for (int p = 0; p < s.values().size() && p < periods.size(); p++) {
                Double v = s.values().get(p);
                values.add(periods.get(p) + " " + (v == null ? "none" : format.apply(v)));
            }
            parts.add(s.name() + ": " + String.join(", ", values));
        }
        return String.join("; ", parts);
    }

    private static String color(int i) {
        return ActivityChart.PALETTE[i % (ActivityChart.PALETTE.length - 1)];
    }

    /** A line across the plot at height {@code y}. */
    private static void horizontal(StringBuilder svg, String cssClass, String stroke, double y) {
        Svg.open(
                        svg,
                        "line",
                        "class",
                        cssClass,
                        "stroke",
                        stroke,
                        "x1",
                        LEFT,
                        "x2",
                        WIDTH - PAD,
                        "y1",
                        Svg.number(y),
                        "y2",
                        Svg.number(y))
                .append("/>\n");
    }
}
