package dev.firebreak.runbooks.steps.control;

import dev.firebreak.runbooks.RunbookException;
import dev.firebreak.runbooks.lang.Expressions;
import dev.firebreak.runbooks.lang.Templates;
import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import dev.firebreak.runbooks.steps.StepStatus;
import dev.firebreak.runbooks.steps.StepType;
import dev.firebreak.runbooks.steps.StepTypes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code wait-until}: runs the read step {@code step} (e.g. {@code prometheus.query}) with {@code with}, and is done
 * when the CEL {@code condition} over its outputs ({@code result}) is true; otherwise it asks to be polled again
 * after {@code interval} (default 15s) until the step's timeout. The condition is CEL, not a template: it may not
 * contain {@code {{ }}} (alert text never becomes an expression). Outputs: the read step's outputs plus {@code met}.
 */
public final class WaitUntilStep extends DeclaredStepType {

    private final StepTypes reads;

    public WaitUntilStep(StepTypes reads) {
        super("wait-until", keys("step", "with", "condition"), keys("interval"), NOT_CHANGING, IDEMPOTENT, keys());
        this.reads = reads;
    }

    @Override
    public Map<String, String> validate(Map<String, Object> raw) {
        Map<String, String> problems = new LinkedHashMap<>();
        Object step = raw.get("step");
        if (step != null) {
            var type = reads.find(String.valueOf(step));
            if (type.isEmpty() || type.get().changing() || !type.get().idempotent()) {
                problems.put(
                        "step",
                        "wait-until polls a read step (prometheus.query, kubernetes.get, kubernetes.pods,"
                                + " kubernetes.events, http.request GET), not '" + step + "'");
            }
        }
        Object cond = raw.get("condition");
        if (cond != null) {
            if (Templates.hasTemplate(String.valueOf(cond))) {
                problems.put("condition", "condition is CEL over result; templates are not allowed in it");
            } else {
                String err = Expressions.compileError(String.valueOf(cond));
                if (err != null) {
                    problems.put("condition", err);
                }
            }
        }
        if (raw.containsKey("with") && !(raw.get("with") instanceof Map<?, ?>)) {
            problems.put("with", "with.with is the read step's parameters (a mapping)");
        }
        return problems;
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        StepType type = reads.get(r.string("step"));
        if (type.changing()) {
            throw new StepFailure(ErrorKind.INVALID, "wait-until only polls read steps");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = r.with().get("with") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        StepResult read = type.execute(
                new StepRequest(r.runId(), r.stepId(), r.attempt(), inner, r.deadline(), r.incident(), r.requester()),
                env);
        if (read.status() != StepStatus.SUCCEEDED) {
            return read;
        }
        String condition = r.string("condition");
        boolean met;
        try {
            met = Expressions.test(condition, Map.of("result", read.outputs()));
        } catch (RunbookException e) {
            throw new StepFailure(ErrorKind.INVALID, e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>(read.outputs());
        out.put("met", met);
        if (met) {
            return StepResult.succeeded(out, "condition met: " + condition + " (" + read.summary() + ")");
        }
        Duration interval = r.duration("interval", Duration.ofSeconds(15));
        return StepResult.polling(
                out,
                "waiting for " + condition + " (" + read.summary() + ")",
                env.clock().instant().plus(interval));
    }
}
