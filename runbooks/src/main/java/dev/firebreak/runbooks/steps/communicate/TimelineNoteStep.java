package dev.firebreak.runbooks.steps.communicate;

import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import java.util.Map;

/** {@code timeline.note}: adds {@code text} (masked) to the incident timeline. Idempotent per run and step. */
public final class TimelineNoteStep extends DeclaredStepType {

    public TimelineNoteStep() {
        super("timeline.note", keys("text"), keys(), NOT_CHANGING, IDEMPOTENT, keys());
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String text = masked(r, env, "text");
        env.effects().timelineNote(r.idempotencyKey(), env.dryRun() ? "(dry run) " + text : text);
        return StepResult.succeeded(Map.of(), "timeline note: " + SlackPostStep.abbreviate(text));
    }
}
