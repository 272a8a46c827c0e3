package dev.firebreak.runbooks.steps.communicate;

import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import java.util.Map;

/** {@code pagerduty.note}: adds {@code text} (masked) to the incident's PagerDuty incident. Idempotent per run and step. */
public final class PagerDutyNoteStep extends DeclaredStepType {

    public PagerDutyNoteStep() {
        super("pagerduty.note", keys("text"), keys(), CHANGING, IDEMPOTENT, keys());
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String text = masked(r, env, "text");
        PlannedChange change = new PlannedChange("POST", "pagerduty note", text);
        if (env.dryRun()) {
            return StepResult.planned(change, "would add a PagerDuty note");
        }
        env.effects().pagerdutyNote(r.idempotencyKey(), text);
        return StepResult.changed(Map.of(), "added a PagerDuty note", change);
    }
}
