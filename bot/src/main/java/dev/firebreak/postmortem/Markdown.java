package dev.firebreak.postmortem;

import dev.firebreak.timeline.Links;

/**
 * Markdown for untrusted text. {@link #inline} makes any text one line of literal Markdown: safe in a
 * heading, a paragraph or a table cell (no links, images, raw HTML, emphasis, code, or cell breaks).
 */
public final class Markdown {

    private Markdown() {}

    /** Escapes text so that CommonMark/GFM shows it literally on one line. */
    public static String inline(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean lastSpace = true; // strips leading whitespace: 4 spaces would start a code block
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == ' ' || c == '\u2028' || c == '\u2029') {
                if (!lastSpace) {
                    out.append(' ');
                    lastSpace = true;
                }
                continue;
            }
            if (c < 0x20 || c == 0x7f) {
                continue;
            }
            lastSpace = false;
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '#' ->
                    out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        escapeLineStart(out);
        return out.toString();
    }

    /** Block starts (heading, list, quote, thematic break, setext underline) are escaped at the start. */
    private static void escapeLineStart(StringBuilder out) {
        if (out.length() == 0) {
            return;
        }
        char first = out.charAt(0);
        if (first == '-' || first == '+' || first == '=') {
            out.insert(0, '\\');
            return;
        }
        int i = 0;
        while (i < out.length() && i < 10 && Character.isDigit(out.charAt(i))) {
            i++;
        }
        if (i > 0 && i < out.length() && (out.charAt(i) == '.' || out.charAt(i) == ')')) {
            out.insert(i, '\\');
        }
    }

    /** A link {@code [text](url)} when the URL is http(s); otherwise the text alone. */
    public static String link(String text, String url) {
        if (!Links.isWebUrl(url)) {
            return inline(text);
        }
        String label = inline(text);
        return "[" + (label.isEmpty() ? inline(url) : label) + "](" + destination(url) + ")";
    }

    /**
     * An image {@code ![alt](url)}; the URL is one Firebreak made (relative file name or its own API URL). The
     * alt text is literal (escaped) text on one line.
     */
    public static String image(String alt, String url) {
        return "![" + inline(alt) + "](" + destination(url) + ")";
    }

    /**
     * A link destination without angle brackets (which not every Markdown importer reads): characters that
     * would end it or break a table cell (space, parentheses, angle brackets, pipe, backslash) are percent-encoded.
     */
    static String destination(String url) {
        StringBuilder out = new StringBuilder(url.length() + 8);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case ' ' -> out.append("%20");
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '|' -> out.append("%7C");
                case '\\' -> out.append("%5C");
                default -> {
                    if (c > ' ' && c != 0x7f) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A fenced code block whose fence is longer than any backtick run in the content. */
    public static String codeBlock(String content) {
        String body = content == null
                ? ""
                : stripControl(content.replace("\r\n", "\n").replace('\r', '\n'));
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        StringBuilder out = new StringBuilder(body.length() + 2 * fence.length() + 4);
        out.append(fence).append('\n').append(body);
        if (!body.isEmpty() && !body.endsWith("\n")) {
            out.append('\n');
        }
        return out.append(fence).toString();
    }

    static String stripControl(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
            if (bad && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!bad && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
