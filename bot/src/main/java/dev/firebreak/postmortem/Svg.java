package dev.firebreak.postmortem;

/**
 * The one way the charts write SVG elements: {@code <name a="v" ...} with the attributes in the order given (a null
 * value leaves its attribute out); the caller closes the tag. Values are written as given (numbers already
 * formatted), so only trusted values go in; untrusted text goes through {@link #text}.
 */
final class Svg {

    private Svg() {}

    /** Appends {@code <element} and the attributes, given as name, value, name, value, ... */
    static StringBuilder open(StringBuilder svg, String element, Object... attributes) {
        svg.append('<').append(element);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                svg.append(' ')
                        .append(attributes[i])
                        .append("=\"")
                        .append(attributes[i + 1])
                        .append('"');
            }
        }
        return svg;
    }

    /** Appends a whole {@code <text>} element with its content escaped. */
    static StringBuilder text(StringBuilder svg, String content, Object... attributes) {
        return open(svg, "text", attributes)
                .append('>')
                .append(Xml.escape(content))
                .append("</text>");
    }

    /**
     * Appends a chart label: {@code content} escaped, at (x, y), in the fill of its class where CSS does not apply
     * (grey for a {@code muted} class); a null anchor leaves {@code text-anchor} out (start).
     */
    static StringBuilder label(
            StringBuilder svg, String cssClass, double x, double y, int size, String anchor, String content) {
        return text(
                svg,
                content,
                "class",
                cssClass,
                "x",
                number(x),
                "y",
                number(y),
                "font-size",
                size,
                "text-anchor",
                anchor,
                "fill",
                textFill(cssClass.contains("muted")));
    }

    /** A coordinate or length as the charts write it: at most one decimal, none for whole numbers. */
    static String number(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0
                ? Long.toString(tenths / 10)
                : (tenths < 0 ? "-" : "") + Math.abs(tenths / 10) + "." + Math.abs(tenths % 10);
    }

    /** The fill a text class stands for where CSS does not apply (muted grey or the foreground). */
    static String textFill(boolean muted) {
        return muted ? "#59636e" : "#1f2328";
    }
}
