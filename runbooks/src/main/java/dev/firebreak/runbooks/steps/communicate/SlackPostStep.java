package dev.firebreak.runbooks.steps.communicate;

import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import java.util.Map;

/**
 * {@code slack.post}: posts {@code text} to the incident channel ({@code thread: true}: in the run's thread). The text
 * is masked; in a dry run it is posted with a {@code (dry run)} prefix. Idempotent per run and step.
 */
public final class SlackPostStep extends DeclaredStepType {

    public SlackPostStep() {
        super("slack.post", keys("text"), keys("thread"), NOT_CHANGING, IDEMPOTENT, keys("ref"));
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String text = masked(r, env, "text");
        if (env.dryRun()) {
            text = "(dry run) " + text;
        }
        String ref = env.effects().slackPost(r.idempotencyKey(), text, r.bool("thread", false));
        return StepResult.succeeded(Map.of("ref", ref == null ? "" : ref), "posted to Slack: " + abbreviate(text));
    }

    static String abbreviate(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
