package dev.firebreak.runbooks.cli;

import dev.firebreak.runbooks.steps.RunEffects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link RunEffects} for {@code runbook test}: records Slack posts and notes instead of sending them. */
final class RecordingEffects implements RunEffects {

    final List<String> posts = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    @Override
    public String slackPost(String idempotencyKey, String text, boolean inThread) {
        posts.add(text);
        return "test-" + posts.size();
    }

    @Override
    public void timelineNote(String idempotencyKey, String text) {
        notes.add(text);
    }

    @Override
    public String pagerdutyPage(
            String idempotencyKey, String service, String summary, String severity, Map<String, String> details) {
        return "test-page";
    }

    @Override
    public void pagerdutyNote(String idempotencyKey, String text) {}
}
