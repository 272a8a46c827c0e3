package dev.firebreak.runbooks.lang;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.firebreak.runbooks.RunbookException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL conditions ({@code triggers[].when}, steps' {@code when}/{@code until}, {@code outputs}, {@code wait-until}).
 * Variables: {@code incident}, {@code alert}, {@code alerts}, {@code inputs}, {@code steps}, {@code run},
 * {@code result}, {@code outputs}; all are maps/lists of plain values. CEL is not Turing-complete and has no I/O:
 * a condition can only compute over that data. Compiled programs are cached.
 */
public final class Expressions {

    public static final List<String> VARIABLES =
            List.of("incident", "alert", "alerts", "inputs", "steps", "run", "result", "outputs");

    private static final Cel CEL = build();
    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

    private Expressions() {}

    private static Cel build() {
        var dynMap = MapType.create(SimpleType.STRING, SimpleType.DYN);
        return CelFactory.standardCelBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("incident", dynMap)
                .addVar("alert", dynMap)
                .addVar("alerts", ListType.create(SimpleType.DYN))
                .addVar("inputs", dynMap)
                .addVar("steps", dynMap)
                .addVar("run", dynMap)
                .addVar("result", dynMap)
                .addVar("outputs", dynMap)
                .build();
    }

    /** Null when {@code expr} compiles, else the compiler's message. */
    public static String compileError(String expr) {
        try {
            program(expr);
            return null;
        } catch (RunbookException e) {
            return e.getMessage();
        }
    }

    private static CelRuntime.Program program(String expr) {
        CelRuntime.Program p = PROGRAMS.get(expr);
        if (p != null) {
            return p;
        }
        try {
            CelAbstractSyntaxTree ast = CEL.compile(expr).getAst();
            p = CEL.createProgram(ast);
        } catch (CelValidationException e) {
            throw new RunbookException("CEL does not compile: " + firstLine(e.getMessage()));
        } catch (CelEvaluationException e) {
            throw new RunbookException("CEL program cannot be built: " + firstLine(e.getMessage()));
        }
        if (PROGRAMS.size() < 10_000) {
            PROGRAMS.put(expr, p);
        }
        return p;
    }

    /** Evaluates {@code expr}; missing variables are bound to empty maps. Errors name the expression. */
    public static Object eval(String expr, Map<String, ?> vars) {
        return evalBound(expr, bind(vars));
    }

    /**
     * The variables converted for CEL once (missing ones bound to empty values), for evaluating many expressions
     * over the same data: converting an incident with thousands of alerts for every expression would cost
     * O(alerts) each time. Replace single entries with {@link #bindValue}.
     */
    public static Map<String, Object> bind(Map<String, ?> vars) {
        Map<String, Object> bound = new LinkedHashMap<>();
        for (String v : VARIABLES) {
            Object value = vars.get(v);
            bound.put(v, value == null ? ("alerts".equals(v) ? List.of() : Map.of()) : toCel(value));
        }
        return bound;
    }

    /** One value converted as {@link #bind} converts each variable. */
    public static Object bindValue(Object value) {
        return toCel(value);
    }

    /** {@link #test} over variables already {@link #bind bound}. */
    public static boolean testBound(String expr, Map<String, Object> bound) {
        Object r = evalBound(expr, bound);
        if (r instanceof Boolean b) {
            return b;
        }
        throw new RunbookException("'" + expr + "' must be true or false, got " + Templates.toText(r));
    }

    private static Object evalBound(String expr, Map<String, Object> bound) {
        try {
            return fromCel(program(expr).eval(bound));
        } catch (CelEvaluationException e) {
            throw new RunbookException("'" + expr + "' failed: " + firstLine(e.getMessage()));
        }
    }

    /** Evaluates a condition; anything but a boolean is an error. */
    public static boolean test(String expr, Map<String, ?> vars) {
        return testBound(expr, bind(vars));
    }

    /** Converts plain Java values to what CEL expects (Integer to Long, Float to Double, keys to strings). */
    static Object toCel(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Short s) {
            return s.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), val == null ? "" : toCel(val)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(val -> out.add(val == null ? "" : toCel(val)));
            return out;
        }
        if (v instanceof java.time.Duration || v instanceof java.time.Instant) {
            return v.toString();
        }
        return v;
    }

    private static Object fromCel(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), fromCel(val)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(val -> out.add(fromCel(val)));
            return out;
        }
        if (v instanceof com.google.common.primitives.UnsignedLong u) {
            return u.longValue();
        }
        return v;
    }

    private static String firstLine(String s) {
        return s == null
                ? ""
                : s.lines()
                        .map(String::trim)
                        .filter(l -> !l.isEmpty())
                        .findFirst()
                        .orElse(s);
    }
}
