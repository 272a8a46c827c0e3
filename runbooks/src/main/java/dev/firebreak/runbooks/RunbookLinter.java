package dev.firebreak.runbooks;

import dev.firebreak.runbooks.lang.Expressions;
import dev.firebreak.runbooks.lang.ParseResult;
import dev.firebreak.runbooks.lang.RunbookParser;
import dev.firebreak.runbooks.lang.Templates;
import dev.firebreak.runbooks.model.InputSpec;
import dev.firebreak.runbooks.model.Runbook;
import dev.firebreak.runbooks.model.StepSpec;
import dev.firebreak.runbooks.model.Trigger;
import dev.firebreak.runbooks.steps.StepType;
import dev.firebreak.runbooks.steps.StepTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural (parser) and semantic checks of runbook files: known step types and {@code with} keys, unique ids,
 * CEL that compiles, templates that only use known variables (declared inputs, earlier steps, their outputs),
 * references to existing steps. Findings print as {@code file:line:column: message}.
 */
public final class RunbookLinter {

    private static final Set<String> INCIDENT_KEYS = Set.of("ref", "title", "severity", "status", "service", "labels");
    private static final Set<String> ALERT_KEYS = Set.of("labels", "annotations", "status", "fingerprint", "startsAt");
    private static final Set<String> RUN_KEYS = Set.of("id", "dryRun", "requester");
    private static final Pattern CEL_STEP_REF =
            Pattern.compile("\\bsteps(?:\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*['\"]([^'\"]+)['\"]\\s*])");
    private static final Pattern CEL_INPUT_REF = Pattern.compile("\\binputs\\.([A-Za-z_][A-Za-z0-9_]*)");

    private final StepTypes types;

    public RunbookLinter(StepTypes types) {
        this.types = types;
    }

    public record Result(Runbook runbook, List<Finding> findings) {}

    /** Lints a file, or every runbook file under a folder (fixture files excluded). */
    public List<Finding> lintPath(Path fileOrFolder) {
        List<Finding> out = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Path file : RunbookCatalog.runbookFiles(fileOrFolder, out)) {
            try {
                Result r = lint(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                out.addAll(r.findings());
                if (r.runbook() != null) {
                    String other = ids.putIfAbsent(r.runbook().id(), file.toString());
                    if (other != null) {
                        out.add(new Finding(
                                r.runbook().position(),
                                "duplicate runbook id '" + r.runbook().id() + "' (also in " + other + ")"));
                    }
                }
            } catch (IOException e) {
                out.add(new Finding(SourcePosition.of(file.toString()), "cannot read: " + e.getMessage()));
            }
        }
        return out;
    }

    public Result lint(String file, String text) {
        ParseResult parsed = RunbookParser.parse(file, text);
        List<Finding> findings = new ArrayList<>(parsed.findings());
        Runbook rb = parsed.runbook();
        if (rb != null) {
            new Semantic(rb, findings).check();
        }
        return new Result(rb, findings);
    }

    private final class Semantic {
        private final Runbook rb;
        private final List<Finding> findings;
        private final Set<String> inputs = new HashSet<>();

        Semantic(Runbook rb, List<Finding> findings) {
            this.rb = rb;
            this.findings = findings;
            rb.inputs().forEach(i -> inputs.add(i.name()));
        }

        void check() {
            for (Trigger t : rb.triggers()) {
                cel(t.when(), t.position(), Set.of());
                for (Matcher m = CEL_INPUT_REF.matcher(t.when()); m.find(); ) {
                    add(t.position(), "triggers cannot use inputs (they are resolved after the match)");
                }
            }
            for (InputSpec in : rb.inputs()) {
                if (in.defaultTemplate() != null) {
                    templates(in.defaultTemplate(), in.position(), Set.of("incident", "alert", "alerts"), Set.of());
                }
            }
            if (rb.policy().concurrencyKey() != null) {
                templates(
                        rb.policy().concurrencyKey(),
                        rb.position(),
                        Set.of("incident", "alert", "alerts", "inputs"),
                        Set.of());
            }
            Set<String> earlier = new HashSet<>();
            for (StepSpec s : rb.steps()) {
                step(s, earlier);
                earlier.add(s.id());
            }
            Set<String> all = new HashSet<>(earlier);
            rb.finallySteps().forEach(s -> all.add(s.id()));
            for (StepSpec s : rb.finallySteps()) {
                step(s, all);
            }
        }

        private void step(StepSpec s, Set<String> visible) {
            StepType type = types.find(s.type()).orElse(null);
            if (type == null) {
                add(
                        s.positionOf("type"),
                        "unknown step type '" + s.type() + "' (known: "
                                + String.join(", ", new TreeSet<>(types.names())) + ")");
            } else {
                for (String k : type.requiredKeys()) {
                    if (!s.with().containsKey(k)) {
                        add(s.positionOf("with"), "step " + s.id() + " (" + s.type() + ") needs with." + k);
                    }
                }
                for (String k : s.with().keySet()) {
                    if (!type.requiredKeys().contains(k) && !type.optionalKeys().contains(k)) {
                        Set<String> known = new TreeSet<>(type.requiredKeys());
                        known.addAll(type.optionalKeys());
                        add(
                                s.positionOf("with." + k),
                                "unknown key with." + k + " for " + s.type() + " (known: " + String.join(", ", known)
                                        + ")");
                    }
                }
                type.validate(s.with()).forEach((k, msg) -> add(s.positionOf("with." + k), msg));
            }
            Set<String> roots = Set.of("incident", "alert", "alerts", "inputs", "steps", "run");
            templatesDeep(s.with(), s, roots, visible);
            if (s.when() != null) {
                cel(s.when(), s.positionOf("when"), visible);
            }
            Set<String> withSelf = new HashSet<>(visible);
            withSelf.add(s.id());
            if (s.until() != null) {
                cel(s.until(), s.positionOf("until"), withSelf);
            }
            s.outputs().forEach((name, expr) -> cel(expr, s.positionOf("outputs." + name), visible));
        }

        private void templatesDeep(Object v, StepSpec s, Set<String> roots, Set<String> visible) {
            if (v instanceof String str) {
                templates(str, s.positionOf("with"), roots, visible);
            } else if (v instanceof Map<?, ?> m) {
                m.forEach((k, val) -> {
                    if (val instanceof String str) {
                        templates(str, s.positionOf("with." + k), roots, visible);
                    } else {
                        templatesDeep(val, s, roots, visible);
                    }
                });
            } else if (v instanceof Collection<?> c) {
                c.forEach(val -> templatesDeep(val, s, roots, visible));
            }
        }

        private void templates(String text, SourcePosition pos, Set<String> roots, Set<String> visibleSteps) {
            List<Templates.Expr> exprs;
            try {
                exprs = Templates.parse(text);
            } catch (RunbookException e) {
                add(pos, e.getMessage());
                return;
            }
            for (Templates.Expr e : exprs) {
                if (e.isSecret()) {
                    continue;
                }
                String problem = variableProblem(e.path(), roots, visibleSteps);
                if (problem != null) {
                    add(pos, "'{{ " + e.text() + " }}': " + problem);
                }
            }
        }

        private String variableProblem(List<Object> path, Set<String> roots, Set<String> visibleSteps) {
            String root = String.valueOf(path.get(0));
            if (!roots.contains(root)) {
                return "unknown variable '" + root + "' (here: " + String.join(", ", new TreeSet<>(roots)) + ")";
            }
            String second = path.size() > 1 ? String.valueOf(path.get(1)) : null;
            switch (root) {
                case "inputs" -> {
                    if (second != null && !inputs.contains(second)) {
                        return "undefined input '" + second + "' (declared: " + String.join(", ", new TreeSet<>(inputs))
                                + ")";
                    }
                }
                case "incident" -> {
                    if (second != null && !INCIDENT_KEYS.contains(second)) {
                        return "incident has no '" + second + "' (" + String.join(", ", new TreeSet<>(INCIDENT_KEYS))
                                + ")";
                    }
                }
                case "alert" -> {
                    if (second != null && !ALERT_KEYS.contains(second)) {
                        return "alert has no '" + second + "' (" + String.join(", ", new TreeSet<>(ALERT_KEYS)) + ")";
                    }
                }
                case "run" -> {
                    if (second != null && !RUN_KEYS.contains(second)) {
                        return "run has no '" + second + "' (" + String.join(", ", new TreeSet<>(RUN_KEYS)) + ")";
                    }
                }
                case "steps" -> {
                    if (second == null) {
                        return null;
                    }
                    if (rb.step(second).isEmpty()) {
                        return "no step '" + second + "'";
                    }
                    if (!visibleSteps.contains(second)) {
                        return "step '" + second + "' has not run yet at this point";
                    }
                    if (path.size() > 3 && "outputs".equals(String.valueOf(path.get(2)))) {
                        return outputProblem(rb.step(second).get(), String.valueOf(path.get(3)));
                    }
                    if (path.size() > 2
                            && !Set.of("outputs", "status", "attempt").contains(String.valueOf(path.get(2)))) {
                        return "a step has status, attempt and outputs, not '" + path.get(2) + "'";
                    }
                }
                default -> {}
            }
            return null;
        }

        private String outputProblem(StepSpec target, String name) {
            Set<String> known = new TreeSet<>(target.outputs().keySet());
            types.find(target.type()).ifPresent(t -> known.addAll(t.outputNames()));
            if (known.isEmpty() || known.contains(name)) {
                return null;
            }
            return "step '" + target.id() + "' has no output '" + name + "' (" + String.join(", ", known) + ")";
        }

        private void cel(String expr, SourcePosition pos, Set<String> visibleSteps) {
            String err = Expressions.compileError(expr);
            if (err != null) {
                add(pos, err);
                return;
            }
            for (Matcher m = CEL_STEP_REF.matcher(expr); m.find(); ) {
                String id = m.group(1) != null ? m.group(1) : m.group(2);
                if (rb.step(id).isEmpty()) {
                    boolean dashed = m.group(1) != null && rb.allSteps().anyMatch(s -> s.id().startsWith(id + "-"));
                    add(
                            pos,
                            "CEL refers to no step '" + id + "'"
                                    + (dashed ? " (step ids with '-' are written steps['my-step'] in CEL)" : ""));
                } else if (!visibleSteps.contains(id)) {
                    add(pos, "CEL refers to step '" + id + "', which has not run yet at this point");
                }
            }
            for (Matcher m = CEL_INPUT_REF.matcher(expr); m.find(); ) {
                if (!inputs.contains(m.group(1))) {
                    add(pos, "CEL refers to undefined input '" + m.group(1) + "'");
                }
            }
        }

        private void add(SourcePosition pos, String message) {
            findings.add(new Finding(pos, message));
        }
    }
}
