package dev.firebreak.runbooks.steps;

import java.util.Map;

/**
 * Side effects inside Firebreak and its vendors that the bot implements (Slack through the outbox, the timeline, the
 * PagerDuty client). Each call carries {@code idempotencyKey} ({@code runId/stepId}): the same key twice must have
 * the effect of one call. Texts arrive masked. Failures are thrown as {@link StepFailure}.
 */
public interface RunEffects {

    /** Post to the incident channel ({@code inThread}: in the run's thread). Returns a reference (e.g. message ts). */
    String slackPost(String idempotencyKey, String text, boolean inThread);

    /** Add a note to the incident timeline. */
    void timelineNote(String idempotencyKey, String text);

    /** Page through PagerDuty ({@code service}: PagerDuty service/routing name; may be empty for the default). */
    String pagerdutyPage(
            String idempotencyKey, String service, String summary, String severity, Map<String, String> details);

    /** Add a note to the incident's PagerDuty incident. */
    void pagerdutyNote(String idempotencyKey, String text);
}
