package dev.firebreak.runbooks.steps.communicate;

import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import dev.firebreak.runbooks.steps.StepType;
import java.util.Map;
import java.util.Set;

/** {@code timeline.note}: adds {@code text} (masked) to the incident timeline. Idempotent per run and step. */
public final class TimelineNoteStep implements StepType {

    @Override
    public String name() {
        return "timeline.note";
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
        return false;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String text = env.masker().mask(r.string("text"));
        env.effects().timelineNote(r.idempotencyKey(), env.dryRun() ? "(dry run) " + text : text);
        return StepResult.succeeded(Map.of(), "timeline note: " + SlackPostStep.abbreviate(text));
    }
}
