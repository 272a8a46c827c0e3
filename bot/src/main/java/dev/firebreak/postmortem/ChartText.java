package dev.firebreak.postmortem;

import java.util.ArrayList;
import java.util.List;

/**
 * Text boxes estimated from font size and length (no font metrics at hand), and the layouts that keep them
 * inside the picture and apart: stacked milestone labels, wrapped notes, a wrapping legend.
 */
final class ChartText {

    /** A generous average advance of sans-serif glyphs (DejaVu Sans, Liberation Sans, Helvetica), in em. */
    static final double EM_PER_CHAR = 0.62;

    static final double LABEL_GAP = 8;

    private ChartText() {}

    static double width(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * fontSize * EM_PER_CHAR;
    }

    /** The text, cut with an ellipsis so that it is at most {@code maxWidth} wide. */
    static String fit(String text, double fontSize, double maxWidth) {
        int max = (int) Math.floor(maxWidth / (fontSize * EM_PER_CHAR));
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(0, max - 1))) + "…";
    }

    /** Words wrapped into lines at most {@code maxWidth} wide (a word longer than a line is cut). */
    static List<String> wrap(String text, double fontSize, double maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, fontSize) <= maxWidth || line.isEmpty()) {
                line.setLength(0);
                line.append(fit(candidate, fontSize, maxWidth));
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(fit(word, fontSize, maxWidth));
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A milestone label: its line at {@code lineX}, its text starting at {@code textX}, in {@code row} (0 is nearest the plot). */
    record Label(String text, double lineX, double textX, double width, int row) {
        boolean overlaps(double left, double right) {
            return textX - LABEL_GAP / 2 < right && left < textX + width + LABEL_GAP / 2;
        }
    }

    /**
     * Places each label right of its line (left of it near the right edge), in the first row where it overlaps
     * no other label, preferring rows where no milestone line crosses a label.
     */
    static List<Label> stack(List<String> texts, List<Double> xs, double fontSize, double minX, double maxX) {
        List<Label> placed = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = fit(texts.get(i), fontSize, maxX - minX);
            double w = width(text, fontSize);
            double x = xs.get(i);
            double textX = x + 4 + w <= maxX ? x + 4 : x - 4 - w;
            textX = Math.max(minX, Math.min(textX, maxX - w));
            int chosen = -1;
            int fallback = -1;
            for (int row = 0; row <= texts.size() && chosen < 0; row++) {
                if (!free(placed, row, textX, textX + w)) {
                    continue;
                }
                fallback = fallback < 0 ? row : fallback;
                if (!crossed(placed, row, x, textX, textX + w)) {
                    chosen = row;
                }
            }
            placed.add(new Label(text, x, textX, w, chosen >= 0 ? chosen : fallback));
        }
        return placed;
    }

    private static boolean free(List<Label> placed, int row, double left, double right) {
        for (Label l : placed) {
            if (l.row() == row && l.overlaps(left, right)) {
                return false;
            }
        }
        return true;
    }

    /** Would this label's line cross a label below it, or a line from above cross this label? */
    private static boolean crossed(List<Label> placed, int row, double lineX, double left, double right) {
        for (Label l : placed) {
            if (l.row() < row && l.overlaps(lineX, lineX)) {
                return true;
            }
            if (l.row() > row && l.lineX() > left - 2 && l.lineX() < right + 2) {
                return true;
            }
        }
        return false;
    }

    static int rows(List<Label> labels) {
        int rows = 0;
        for (Label l : labels) {
            rows = Math.max(rows, l.row() + 1);
        }
        return rows;
    }

    /** A legend entry: a swatch at {@code x} and its text after it, in {@code row}. */
    record LegendItem(String text, String cssClass, String color, double x, int row) {}

    static final double SWATCH = 10;

    /** Entries laid left to right, wrapping to a new row at {@code maxX}. */
    static List<LegendItem> legend(List<String[]> entries, double fontSize, double minX, double maxX) {
        List<LegendItem> items = new ArrayList<>();
        double x = minX;
        int row = 0;
        for (String[] e : entries) {
            String text = fit(e[0], fontSize, maxX - minX - SWATCH - 4);
            double w = SWATCH + 4 + width(text, fontSize);
            if (x > minX && x + w > maxX) {
                row++;
                x = minX;
            }
            items.add(new LegendItem(text, e[1], e[2], x, row));
            x += w + 16;
        }
        return items;
    }
}
