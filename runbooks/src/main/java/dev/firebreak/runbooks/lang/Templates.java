package dev.firebreak.runbooks.lang;

import dev.firebreak.runbooks.RunbookException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict {@code {{ }}} templates. An expression is a path ({@code inputs.namespace}, {@code alert.labels.pod},
 * {@code alert.labels['app.kubernetes.io/name']}, {@code steps.ratio.outputs.value}, {@code alerts[0].labels.x}) or
 * {@code secret('name')}. A path that does not resolve is an error naming it, never an empty string. Rendering is a
 * single pass: text that came from alerts is inserted as data and never evaluated. A string that is exactly one
 * template keeps the value's type (a number stays a number).
 */
public final class Templates {

    private static final Pattern TAG = Pattern.compile("\\{\\{((?:(?!}}).)*?)}}", Pattern.DOTALL);
    private static final Pattern SECRET = Pattern.compile("secret\\(\\s*(['\"])([A-Za-z0-9_.-]+)\\1\\s*\\)");
    private static final Pattern SEGMENT =
            Pattern.compile("\\G(?:\\.?([A-Za-z_][A-Za-z0-9_-]*)|\\[\\s*(?:'([^']*)'|\"([^\"]*)\"|(\\d+))\\s*])");

    private Templates() {}

    /** A parsed expression: either a secret name or a path of segments (strings, or integers for list indexes). */
    public record Expr(String text, String secretName, List<Object> path) {

        public boolean isSecret() {
            return secretName != null;
        }
    }

    public static boolean hasTemplate(String text) {
        return text != null && text.contains("{{");
    }

    /** The expressions in {@code text}; throws {@link RunbookException} for malformed ones. */
    public static List<Expr> parse(String text) {
        List<Expr> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TAG.matcher(text);
        int last = 0;
        while (m.find()) {
            checkNoStrayBraces(text.substring(last, m.start()));
            out.add(parseExpr(m.group(1).trim()));
            last = m.end();
        }
        checkNoStrayBraces(text.substring(last));
        return out;
    }

    private static void checkNoStrayBraces(String literal) {
        if (literal.contains("{{")) {
            throw new RunbookException("unclosed '{{' in template");
        }
    }

    static Expr parseExpr(String e) {
        if (e.isEmpty()) {
            throw new RunbookException("empty template '{{ }}'");
        }
        Matcher s = SECRET.matcher(e);
        if (s.matches()) {
            return new Expr(e, s.group(2), List.of());
        }
        List<Object> path = new ArrayList<>();
        Matcher m = SEGMENT.matcher(e);
        int end = 0;
        while (end < e.length() && m.find() && m.start() == end) {
            if (path.isEmpty() && m.group(1) == null) {
                break;
            }
            if (!path.isEmpty() && m.group(1) != null && e.charAt(m.start()) != '.') {
                break;
            }
            if (m.group(1) != null) {
                path.add(m.group(1));
            } else if (m.group(4) != null) {
                path.add(Integer.parseInt(m.group(4)));
            } else {
                path.add(m.group(2) != null ? m.group(2) : m.group(3));
            }
            end = m.end();
        }
        if (path.isEmpty() || end != e.length()) {
            throw new RunbookException("'{{ " + e + " }}' is not a variable path or secret('name')"
                    + " (templates hold no expressions; use CEL in when/until/outputs)");
        }
        return new Expr(e, null, List.copyOf(path));
    }

    /** Renders {@code text} against {@code vars}; {@code secrets} answers secret('name') (null when unknown). */
    public static Object render(String text, Map<String, ?> vars, Function<String, String> secrets) {
        if (!hasTemplate(text)) {
            return text;
        }
        Matcher m = TAG.matcher(text);
        if (m.matches()) {
            return resolve(parseExpr(m.group(1).trim()), vars, secrets);
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        m.reset();
        while (m.find()) {
            String literal = text.substring(last, m.start());
            checkNoStrayBraces(literal);
            out.append(literal);
            out.append(toText(resolve(parseExpr(m.group(1).trim()), vars, secrets)));
            last = m.end();
        }
        String tail = text.substring(last);
        checkNoStrayBraces(tail);
        out.append(tail);
        return out.toString();
    }

    public static String renderText(String text, Map<String, ?> vars, Function<String, String> secrets) {
        return toText(render(text, vars, secrets));
    }

    /** Renders every string inside maps and lists (keys are not rendered). */
    public static Object renderDeep(Object value, Map<String, ?> vars, Function<String, String> secrets) {
        if (value instanceof String s) {
            return render(s, vars, secrets);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), renderDeep(v, vars, secrets)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(v -> out.add(renderDeep(v, vars, secrets)));
            return out;
        }
        return value;
    }

    static Object resolve(Expr e, Map<String, ?> vars, Function<String, String> secrets) {
        if (e.isSecret()) {
            String v = secrets == null ? null : secrets.apply(e.secretName());
            if (v == null) {
                throw new RunbookException("secret '" + e.secretName()
                        + "' is not configured (firebreak.runbooks.secrets." + e.secretName() + ")");
            }
            return v;
        }
        Object cur = vars;
        StringBuilder seen = new StringBuilder();
        for (Object seg : e.path()) {
            String name = seg instanceof Integer i ? "[" + i + "]" : (seen.length() == 0 ? "" : ".") + seg;
            if (cur instanceof Map<?, ?> m && seg instanceof String key && m.containsKey(key) && m.get(key) != null) {
                cur = m.get(key);
            } else if (cur instanceof List<?> l && seg instanceof Integer i && i < l.size()) {
                cur = l.get(i);
            } else {
                throw new RunbookException("undefined variable '" + seen + name + "' in '{{ " + e.text() + " }}'");
            }
            seen.append(name);
        }
        return cur;
    }

    /** How a value prints inside text: numbers plainly, maps and lists as JSON. */
    public static String toText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return Double.toString(d);
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
            return Json.write(v);
        }
        return String.valueOf(v);
    }
}
