package dev.firebreak.runbooks.steps.control;

import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import dev.firebreak.runbooks.steps.StepType;
import java.util.Set;

/** {@code fail}: fails the run here with {@code message} (finally steps still run); usually guarded by {@code when}. */
public final class FailStep implements StepType {

    @Override
    public String name() {
        return "fail";
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of("message");
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of();
    }

    @Override
    public boolean changing() {
        return false;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        return StepResult.failRun(r.string("message"));
    }
}
