package dev.firebreak.runbooks.steps.communicate;

import dev.firebreak.runbooks.lang.Json;
import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code pagerduty.page}: pages through the bot's PagerDuty client ({@code summary}, {@code severity}
 * critical|error|warning|info, optional {@code service} and {@code details}). Idempotent per run and step (the
 * dedup key derives from it).
 */
public final class PagerDutyPageStep extends DeclaredStepType {

    public PagerDutyPageStep() {
        super(
                "pagerduty.page",
                keys("summary"),
                keys("severity", "service", "details"),
                CHANGING,
                IDEMPOTENT,
                keys("ref"));
    }

    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String summary = masked(r, env, "summary");
        String severity = r.string("severity", "critical");
        if (!SEVERITIES.contains(severity)) {
            throw new StepFailure(ErrorKind.INVALID, "with.severity must be critical, error, warning or info");
        }
        String service = r.string("service", "");
        Map<String, String> details = new LinkedHashMap<>();
        if (r.with().get("details") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> details.put(String.valueOf(k), env.masker().mask(String.valueOf(v))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", summary);
        body.put("severity", severity);
        body.put("service", service);
        body.put("details", details);
        PlannedChange change =
                new PlannedChange("POST", "pagerduty" + (service.isEmpty() ? "" : " " + service), Json.write(body));
        if (env.dryRun()) {
            return StepResult.planned(change, "would page: " + summary);
        }
        String ref = env.effects().pagerdutyPage(r.idempotencyKey(), service, summary, severity, details);
        return StepResult.changed(Map.of("ref", ref == null ? "" : ref), "paged: " + summary, change);
    }
}
