package dev.firebreak.runbooks.steps.prometheus;

import dev.firebreak.runbooks.lang.Templates;
import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code prometheus.query}: an instant query (scalar or vector). Outputs {@code value} (the first sample, 0 when the
 * vector is empty), {@code empty}, {@code count}, {@code max}, {@code min}, {@code samples} (labels + value),
 * {@code resultType}. {@code expect} (e.g. {@code "< 0.05"}, {@code ">= 1"}) makes the step fail with error kind
 * {@code expectation} when {@code value} does not satisfy it.
 */
public final class PrometheusQueryStep extends DeclaredStepType {

    public PrometheusQueryStep() {
        super(
                "prometheus.query",
                keys("query"),
                keys("expect", "timeout"),
                NOT_CHANGING,
                IDEMPOTENT,
                keys("value", "empty", "count", "max", "min", "samples", "resultType"));
    }

    private static final Pattern EXPECT = Pattern.compile("\\s*(<=|>=|==|!=|<|>)\\s*(-?[0-9.eE+-]+)\\s*");

    @Override
    public Map<String, String> validate(Map<String, Object> rawWith) {
        Object e = rawWith.get("expect");
        if (e != null
                && !Templates.hasTemplate(String.valueOf(e))
                && !EXPECT.matcher(String.valueOf(e)).matches()) {
            return Map.of("expect", "expect must look like '< 0.05' (operators < <= > >= == !=)");
        }
        return Map.of();
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String query = r.string("query");
        Duration timeout = r.duration("timeout", Duration.ofSeconds(15));
        PrometheusClient.Result res = PrometheusClient.query(env.prometheus(), query, null, timeout);
        Map<String, Object> out = outputs(res);
        String expect = r.string("expect", null);
        String summary = summarize(query, out);
        if (expect != null && !satisfies((Double) out.get("value"), expect)) {
            throw new StepFailure(ErrorKind.EXPECTATION, summary + "; expected " + expect.trim());
        }
        return StepResult.succeeded(out, summary);
    }

    static Map<String, Object> outputs(PrometheusClient.Result res) {
        Map<String, Object> out = new LinkedHashMap<>();
        double first = res.rows().isEmpty() ? 0.0 : (Double) res.rows().get(0).get("value");
        out.put("value", first);
        out.put("empty", res.rows().isEmpty());
        out.put("count", (long) res.rows().size());
        out.put(
                "max",
                res.rows().stream()
                        .mapToDouble(m -> (Double) m.get("value"))
                        .max()
                        .orElse(0.0));
        out.put(
                "min",
                res.rows().stream()
                        .mapToDouble(m -> (Double) m.get("value"))
                        .min()
                        .orElse(0.0));
        out.put("samples", res.rows().stream().limit(50).toList());
        out.put("resultType", res.resultType());
        return out;
    }

    static String summarize(String query, Map<String, Object> out) {
        String q = query.length() > 80 ? query.substring(0, 77) + "..." : query;
        if (Boolean.TRUE.equals(out.get("empty"))) {
            return q + " → no data";
        }
        return q + " → " + Templates.toText(round((Double) out.get("value")))
                + ((Long) out.get("count") > 1
                        ? " (" + out.get("count") + " series, max " + Templates.toText(round((Double) out.get("max")))
                                + ")"
                        : "");
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10000.0) / 10000.0 : v;
    }

    static boolean satisfies(double value, String expect) {
        Matcher m = EXPECT.matcher(expect);
        if (!m.matches()) {
            throw new StepFailure(ErrorKind.INVALID, "expect must look like '< 0.05'");
        }
        double limit = Double.parseDouble(m.group(2));
        return switch (m.group(1)) {
            case "<" -> value < limit;
            case "<=" -> value <= limit;
            case ">" -> value > limit;
            case ">=" -> value >= limit;
            case "==" -> value == limit;
            default -> value != limit;
        };
    }
}
