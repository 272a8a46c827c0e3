package dev.firebreak.runbooks.steps.communicate;

import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import dev.firebreak.runbooks.steps.StepType;
import java.util.Map;
import java.util.Set;

/** {@code pagerduty.note}: adds {@code text} (masked) to the incident's PagerDuty incident. Idempotent per run and step. */
public final class PagerDutyNoteStep implements StepType {

    @Override
    public String name() {
        return "pagerduty.note";
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of("text");
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of();
    }

    @Override
    public boolean changing() {
        return true;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String text = env.masker().mask(r.string("text"));
        PlannedChange change = new PlannedChange("POST", "pagerduty note", text);
        if (env.dryRun()) {
            return StepResult.planned(change, "would add a PagerDuty note");
        }
        env.effects().pagerdutyNote(r.idempotencyKey(), text);
        return StepResult.changed(Map.of(), "added a PagerDuty note", change);
    }
}
