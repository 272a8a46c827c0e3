package dev.firebreak.runbooks.engine;

import dev.firebreak.runbooks.IncidentContext;
import dev.firebreak.runbooks.RunbookException;
import dev.firebreak.runbooks.lang.Durations;
import dev.firebreak.runbooks.lang.Templates;
import dev.firebreak.runbooks.model.InputSpec;
import dev.firebreak.runbooks.model.Runbook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves a run's inputs: given values (Slack/REST {@code key=value}) else the default rendered from the incident,
 * then type and pattern checks. A value containing {@code ;}, {@code $(}, a backtick, whitespace, {@code ..}, or
 * starting with {@code -} is refused unless the input's pattern matches it whole. Refused means the run does not
 * start; every reason is returned.
 */
public final class InputResolver {

    private static final Pattern INT = Pattern.compile("-?\\d{1,18}");

    private InputResolver() {}

    public record Resolution(Map<String, Object> values, List<String> refusals) {

        public Resolution {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            refusals = List.copyOf(refusals);
        }

        public boolean ok() {
            return refusals.isEmpty();
        }
    }

    public static Resolution resolve(Runbook runbook, IncidentContext incident, Map<String, String> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        Map<String, String> provided = given == null ? Map.of() : given;
        for (String key : provided.keySet()) {
            if (runbook.input(key).isEmpty()) {
                refusals.add("unknown input '" + key + "' (this runbook takes: "
                        + String.join(
                                ", ",
                                runbook.inputs().stream().map(InputSpec::name).toList()) + ")");
            }
        }
        Map<String, Object> vars = RunVariables.forIncident(incident);
        for (InputSpec in : runbook.inputs()) {
            String raw = provided.get(in.name());
            String source = "given";
            if (raw == null && in.defaultTemplate() != null) {
                source = "from the incident";
                try {
                    raw = Templates.renderText(in.defaultTemplate(), vars, name -> null);
                } catch (RunbookException e) {
                    refusals.add("input '" + in.name() + "': default cannot be resolved: " + e.getMessage());
                    continue;
                }
            }
            if (raw == null || raw.isEmpty()) {
                if (in.required()) {
                    refusals.add("input '" + in.name() + "' is required");
                }
                continue;
            }
            String refusal = check(in, raw);
            if (refusal != null) {
                refusals.add("input '" + in.name() + "' (" + source + ") " + refusal);
                continue;
            }
            values.put(in.name(), convert(in, raw));
        }
        return new Resolution(values, refusals);
    }

    /** Null when acceptable, else why not (without echoing the value, which may be hostile). */
    static String check(InputSpec in, String value) {
        if (in.pattern() != null) {
            if (!Pattern.compile(in.pattern()).matcher(value).matches()) {
                return "does not match its pattern " + in.pattern();
            }
        } else {
            String unsafe = unsafeReason(value);
            if (unsafe != null) {
                return "is refused: it " + unsafe + " (declare a pattern for this input to allow it)";
            }
        }
        return switch (in.type()) {
            case INT -> INT.matcher(value.trim()).matches() ? null : "must be an integer";
            case DURATION -> {
                try {
                    Durations.parse(value);
                    yield null;
                } catch (IllegalArgumentException e) {
                    yield "must be a duration such as 30s, 5m or 1h";
                }
            }
            case ENUM -> in.values().contains(value) ? null : "must be one of " + String.join(", ", in.values());
            case STRING -> null;
        };
    }

    /** Why a value looks like an injection attempt, or null. */
    public static String unsafeReason(String v) {
        if (v.contains(";")) {
            return "contains ';'";
        }
        if (v.contains("$(")) {
            return "contains '$('";
        }
        if (v.contains("`")) {
            return "contains a backtick";
        }
        if (v.chars().anyMatch(Character::isWhitespace)) {
            return "contains whitespace";
        }
        if (v.contains("..")) {
            return "contains '..'";
        }
        if (v.startsWith("-")) {
            return "starts with '-'";
        }
        return null;
    }

    private static Object convert(InputSpec in, String raw) {
        return in.type() == InputSpec.Type.INT ? Long.parseLong(raw.trim()) : raw;
    }
}
