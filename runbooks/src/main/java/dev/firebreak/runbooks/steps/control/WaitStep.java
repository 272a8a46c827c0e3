package dev.firebreak.runbooks.steps.control;

import dev.firebreak.runbooks.lang.Durations;
import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import java.time.Duration;
import java.util.Map;

/** {@code wait}: waits {@code duration} (e.g. {@code 2m}) without holding a thread; the engine wakes the run. */
public final class WaitStep extends DeclaredStepType {

    public WaitStep() {
        super("wait", keys("duration"), keys(), NOT_CHANGING, IDEMPOTENT, keys());
    }

    @Override
    public Map<String, String> validate(Map<String, Object> rawWith) {
        Object d = rawWith.get("duration");
        if (d != null && !String.valueOf(d).contains("{{")) {
            try {
                Durations.parse(String.valueOf(d));
            } catch (IllegalArgumentException e) {
                return Map.of("duration", e.getMessage());
            }
        }
        return Map.of();
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        Duration d = r.duration("duration", Duration.ZERO);
        return StepResult.waiting(env.clock().instant().plus(d), "waiting " + Durations.format(d));
    }
}
