package dev.firebreak.runbooks.steps.control;

import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;

/** {@code fail}: fails the run here with {@code message} (finally steps still run); usually guarded by {@code when}. */
public final class FailStep extends DeclaredStepType {

    public FailStep() {
        super("fail", keys("message"), keys(), NOT_CHANGING, IDEMPOTENT, keys());
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        return StepResult.failRun(r.string("message"));
    }
}
