package dev.firebreak.runbooks.lang;

import dev.firebreak.runbooks.Finding;
import dev.firebreak.runbooks.SourcePosition;
import dev.firebreak.runbooks.model.InputSpec;
import dev.firebreak.runbooks.model.Policy;
import dev.firebreak.runbooks.model.RetryPolicy;
import dev.firebreak.runbooks.model.Runbook;
import dev.firebreak.runbooks.model.StepSpec;
import dev.firebreak.runbooks.model.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one runbook file into the model, reporting every structural problem with its position (unknown keys, wrong
 * types, bad durations/patterns). Semantic checks (step types, references, CEL, templates) are
 * {@link dev.firebreak.runbooks.RunbookLinter}'s.
 */
public final class RunbookParser {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Set<String> TOP =
            Set.of("id", "title", "description", "owner", "triggers", "inputs", "policy", "steps", "finally");
    private static final Set<String> TRIGGER = Set.of("when", "auto", "once-per");
    private static final Set<String> INPUT = Set.of("type", "description", "default", "pattern", "values", "required");
    private static final Set<String> POLICY =
            Set.of("timeout", "concurrency", "rate", "run-by", "approve-by", "approver-not-requester");
    private static final Set<String> STEP =
            Set.of("id", "type", "with", "when", "timeout", "retry", "until", "interval", "outputs");

    private final String file;
    private final List<Finding> findings = new ArrayList<>();
    private PositionedYaml yaml;

    private RunbookParser(String file) {
        this.file = file;
    }

    public static ParseResult parse(String file, String text) {
        return new RunbookParser(file).run(text);
    }

    private ParseResult run(String text) {
        try {
            yaml = new PositionedYaml(file, text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourcePosition pos = mark == null
                    ? SourcePosition.of(file)
                    : new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
            return new ParseResult(null, List.of(new Finding(pos, "not valid YAML: " + e.getProblem())));
        } catch (RuntimeException e) {
            return new ParseResult(
                    null,
                    List.of(new Finding(
                            SourcePosition.of(file),
                            "not valid YAML: "
                                    + String.valueOf(e.getMessage())
                                            .lines()
                                            .findFirst()
                                            .orElse(""))));
        }
        if (!(yaml.root instanceof Map<?, ?> root)) {
            return new ParseResult(null, List.of(new Finding(SourcePosition.of(file), "a runbook is a YAML mapping")));
        }
        unknownKeys(root, TOP, "");
        String id = string(root, "id", "", true);
        if (id != null && !ID.matcher(id).matches()) {
            error("id", "id must be lowercase letters, digits and dashes (at most 63)");
        }
        String title = string(root, "title", "", true);
        String description = string(root, "description", "", false);
        String owner = string(root, "owner", "", false);
        List<Trigger> triggers = triggers(root.get("triggers"));
        List<InputSpec> inputs = inputs(root.get("inputs"));
        Policy policy = policy(root.get("policy"));
        List<StepSpec> steps = steps(root.get("steps"), "steps", false);
        if (steps.isEmpty() && !(root.get("steps") instanceof List<?> l && !l.isEmpty())) {
            error("steps", "steps must be a non-empty list");
        }
        List<StepSpec> finallySteps =
                root.containsKey("finally") ? steps(root.get("finally"), "finally", true) : List.of();
        Set<String> ids = new LinkedHashSet<>();
        for (StepSpec s : steps) {
            if (!ids.add(s.id())) {
                findings.add(new Finding(s.position(), "duplicate step id '" + s.id() + "'"));
            }
        }
        for (StepSpec s : finallySteps) {
            if (!ids.add(s.id())) {
                findings.add(new Finding(s.position(), "duplicate step id '" + s.id() + "'"));
            }
        }
        if (id == null || title == null) {
            return new ParseResult(null, findings);
        }
        Runbook rb = new Runbook(
                id, title, description, owner, triggers, inputs, policy, steps, finallySteps, yaml.at(""), text);
        return new ParseResult(rb, findings);
    }

    private List<Trigger> triggers(Object node) {
        List<Trigger> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof List<?> list)) {
            error("triggers", "triggers must be a list");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String p = "triggers[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                error(p, "a trigger is a mapping with when/auto/once-per");
                continue;
            }
            unknownKeys(m, TRIGGER, p);
            String when = string(m, "when", p, true);
            boolean auto = bool(m, "auto", p, false);
            Trigger.OncePer once = enumValue(m, "once-per", p, Trigger.OncePer.class, Trigger.OncePer.INCIDENT);
            if (when != null) {
                out.add(new Trigger(when, auto, once, yaml.at(p + ".when")));
            }
        }
        return out;
    }

    private List<InputSpec> inputs(Object node) {
        List<InputSpec> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof Map<?, ?> map)) {
            error("inputs", "inputs must be a mapping of name to {type, default, pattern, ...}");
            return out;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            String p = "inputs." + name;
            if (!Pattern.matches("[a-z][a-z0-9_]*", name)) {
                error(p + "#key", "input name '" + name + "' must be lowercase letters, digits and _");
            }
            Map<?, ?> m = e.getValue() instanceof Map<?, ?> mm ? mm : Map.of();
            if (!(e.getValue() instanceof Map<?, ?>) && e.getValue() != null) {
                error(p, "an input is a mapping with type/default/pattern/values/required");
            }
            unknownKeys(m, INPUT, p);
            InputSpec.Type type = enumValue(m, "type", p, InputSpec.Type.class, InputSpec.Type.STRING);
            Object def = m.get("default");
            String pattern = string(m, "pattern", p, false);
            if (pattern != null) {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException ex) {
                    error(p + ".pattern", "pattern is not a valid regular expression: " + ex.getDescription());
                }
            }
            List<String> values = stringList(m.get("values"), p + ".values");
            if (type == InputSpec.Type.ENUM && values.isEmpty()) {
                error(p + ".type", "an enum input needs values");
            }
            boolean required = bool(m, "required", p, def == null);
            out.add(new InputSpec(
                    name,
                    type,
                    string(m, "description", p, false),
                    def == null ? null : String.valueOf(def),
                    pattern,
                    values,
                    required,
                    yaml.at(p)));
        }
        return out;
    }

    private Policy policy(Object node) {
        if (node == null) {
            return Policy.defaults();
        }
        if (!(node instanceof Map<?, ?> m)) {
            error("policy", "policy must be a mapping");
            return Policy.defaults();
        }
        unknownKeys(m, POLICY, "policy");
        Duration timeout = duration(m, "timeout", "policy");
        String key = null;
        Policy.OnConflict onConflict = Policy.OnConflict.SKIP;
        if (m.get("concurrency") instanceof Map<?, ?> c) {
            unknownKeys(c, Set.of("key", "on-conflict"), "policy.concurrency");
            key = string(c, "key", "policy.concurrency", true);
            onConflict =
                    enumValue(c, "on-conflict", "policy.concurrency", Policy.OnConflict.class, Policy.OnConflict.SKIP);
        } else if (m.get("concurrency") != null) {
            error("policy.concurrency", "concurrency is a mapping with key and on-conflict");
        }
        Policy.Rate rate = null;
        if (m.get("rate") instanceof Map<?, ?> r) {
            unknownKeys(r, Set.of("max", "per"), "policy.rate");
            long max = r.get("max") instanceof Long l ? l : 0;
            if (max < 1) {
                error("policy.rate.max", "rate.max must be a positive integer");
            }
            Duration per = duration(r, "per", "policy.rate");
            if (per == null) {
                error("policy.rate", "rate.per (a duration) is required");
            }
            rate = new Policy.Rate((int) Math.max(1, max), per == null ? Duration.ofHours(1) : per);
        } else if (m.get("rate") != null) {
            error("policy.rate", "rate is a mapping with max and per");
        }
        return new Policy(
                timeout,
                key,
                onConflict,
                rate,
                stringList(m.get("run-by"), "policy.run-by"),
                stringList(m.get("approve-by"), "policy.approve-by"),
                bool(m, "approver-not-requester", "policy", true));
    }

    private List<StepSpec> steps(Object node, String path, boolean finallyStep) {
        List<StepSpec> out = new ArrayList<>();
        if (!(node instanceof List<?> list)) {
            if (node != null) {
                error(path, path + " must be a list of steps");
            }
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String p = path + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                error(p, "a step is a mapping with id, type and with");
                continue;
            }
            unknownKeys(m, STEP, p);
            String id = string(m, "id", p, true);
            String type = string(m, "type", p, true);
            if (id == null || type == null) {
                continue;
            }
            if (!ID.matcher(id).matches()) {
                error(p + ".id", "step id must be lowercase letters, digits, _ and -");
            }
            Map<String, Object> with = new LinkedHashMap<>();
            if (m.get("with") instanceof Map<?, ?> w) {
                w.forEach((k, v) -> with.put(String.valueOf(k), v));
            } else if (m.get("with") != null) {
                error(p + ".with", "with must be a mapping");
            }
            RetryPolicy retry = null;
            if (m.get("retry") instanceof Map<?, ?> r) {
                unknownKeys(r, Set.of("max", "backoff", "errors"), p + ".retry");
                long max = r.get("max") instanceof Long l ? l : 0;
                if (max < 1 || max > 20) {
                    error(p + ".retry.max", "retry.max (attempts in all) must be 1..20");
                }
                List<String> on = stringList(r.get("errors"), p + ".retry.errors");
                for (String kind : on) {
                    try {
                        dev.firebreak.runbooks.steps.ErrorKind.fromWire(kind);
                    } catch (IllegalArgumentException ex) {
                        error(
                                p + ".retry.errors",
                                "unknown error kind '" + kind + "' (transient, timeout, not-found,"
                                        + " conflict, forbidden, invalid, refused, expectation, error)");
                    }
                }
                retry = new RetryPolicy(
                        (int) Math.max(1, Math.min(20, max)), duration(r, "backoff", p + ".retry"), Set.copyOf(on));
            } else if (m.get("retry") != null) {
                error(p + ".retry", "retry is a mapping with max, backoff and errors");
            }
            Map<String, String> outputs = new LinkedHashMap<>();
            if (m.get("outputs") instanceof Map<?, ?> o) {
                o.forEach((k, v) -> outputs.put(String.valueOf(k), String.valueOf(v)));
            } else if (m.get("outputs") != null) {
                error(p + ".outputs", "outputs is a mapping of name to CEL expression over result");
            }
            String until = string(m, "until", p, false);
            Duration interval = duration(m, "interval", p);
            if (interval != null && until == null) {
                error(p + ".interval", "interval is only used with until");
            }
            Map<String, SourcePosition> positions = new HashMap<>();
            for (String k : List.of("id", "type", "with", "when", "timeout", "retry", "until", "interval", "outputs")) {
                positions.put(k, yaml.at(p + "." + k));
            }
            with.keySet().forEach(k -> positions.put("with." + k, yaml.at(p + ".with." + k)));
            outputs.keySet().forEach(k -> positions.put("outputs." + k, yaml.at(p + ".outputs." + k)));
            out.add(new StepSpec(
                    id,
                    type,
                    with,
                    string(m, "when", p, false),
                    duration(m, "timeout", p),
                    retry,
                    until,
                    interval,
                    outputs,
                    finallyStep,
                    yaml.at(p),
                    positions));
        }
        return out;
    }

    private void unknownKeys(Map<?, ?> m, Set<String> known, String path) {
        for (Object k : m.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                String child = path.isEmpty() ? String.valueOf(k) : path + "." + k;
                error(
                        child + "#key",
                        "unknown key '" + k + "'" + (path.isEmpty() ? "" : " in " + path) + " (known: "
                                + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private String string(Map<?, ?> m, String key, String path, boolean required) {
        Object v = m.get(key);
        String p = path.isEmpty() ? key : path + "." + key;
        if (v == null) {
            if (required) {
                error(path.isEmpty() ? "" : path, key + " is required");
            }
            return null;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            error(p, key + " must be a single value");
            return null;
        }
        String s = String.valueOf(v);
        if (required && s.isBlank()) {
            error(p, key + " must not be empty");
            return null;
        }
        return s;
    }

    private boolean bool(Map<?, ?> m, String key, String path, boolean fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        error(path + "." + key, key + " must be true or false");
        return fallback;
    }

    private Duration duration(Map<?, ?> m, String key, String path) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        try {
            Duration d = Durations.parse(String.valueOf(v));
            if (d.isZero() || d.isNegative()) {
                error(path + "." + key, key + " must be positive");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            error(path + "." + key, key + ": " + e.getMessage());
            return null;
        }
    }

    private <E extends Enum<E>> E enumValue(Map<?, ?> m, String key, String path, Class<E> type, E fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(
                    type, String.valueOf(v).trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            error(path + "." + key, key + " must be one of " + String.join(", ", names) + ", not '" + v + "'");
            return fallback;
        }
    }

    private List<String> stringList(Object v, String path) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                if (o instanceof Map<?, ?> || o instanceof List<?> || o == null) {
                    error(path, "expected a list of plain values");
                } else {
                    out.add(String.valueOf(o));
                }
            }
            return out;
        }
        if (v instanceof Map<?, ?>) {
            error(path, "expected a list");
            return List.of();
        }
        return List.of(String.valueOf(v));
    }

    private void error(String path, String message) {
        SourcePosition pos = yaml.positions.get(path);
        if (pos == null) {
            pos = yaml.at(path.replace("#key", ""));
        }
        findings.add(new Finding(pos, message));
    }
}
