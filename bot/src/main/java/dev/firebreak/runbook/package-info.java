/**
 * The durable runbook engine over the plain-Java {@code runbooks} module (language, interpreter, step types).
 *
 * <p>Owns the run journal ({@code runbook_run}, {@code runbook_step_run}, {@code runbook_key_lock}): starting a run
 * ({@link dev.firebreak.runbook.RunbookRuns}: inputs, run-by, concurrency key, rate), claiming and driving due runs
 * ({@link dev.firebreak.runbook.RunbookEngine}, one transition at a time in {@code RunSteps}, leases in database
 * time), the run's timeline entries and its one Slack message ({@code RunRecorder}, {@code runbook.message} through
 * the outbox), auto-starts ({@code runbook.auto-start} tasks, once per trigger key), the {@code /incident runbook}
 * verbs, the card's runbook buttons and approvals, and {@code /api/incidents/{ref}/runbook-runs}. What a runbook
 * sees of an incident is a copy built from the incident read model and the alerts port ({@code IncidentFacts}).
 * Kubernetes, Prometheus and HTTP are reached only from step types; Slack only through {@code slack.SlackApi};
 * PagerDuty only through {@code paging.Pages}.
 */
package dev.firebreak.runbook;
