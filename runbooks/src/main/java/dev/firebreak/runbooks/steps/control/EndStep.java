package dev.firebreak.runbooks.steps.control;

import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;

/** {@code end}: ends the run successfully here (finally steps still run); usually guarded by {@code when}. */
public final class EndStep extends DeclaredStepType {

    public EndStep() {
        super("end", keys(), keys("message"), NOT_CHANGING, IDEMPOTENT, keys());
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        return StepResult.endRun(r.string("message", "run ended"));
    }
}
