package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kubernetes.rollout-restart}: what {@code kubectl rollout restart} does, idempotently: it sets the pod template
 * annotations {@code firebreak.dev/restart} to the run's stable key ({@code runId/stepId}) and
 * {@code kubectl.kubernetes.io/restartedAt}. Running it again for the same run and step changes nothing (the annotation
 * already holds the key), so it is safe to repeat after a crash.
 */
public final class KubernetesRolloutRestartStep extends KubeStep {

    public KubernetesRolloutRestartStep() {
        super(
                "kubernetes.rollout-restart",
                keys("namespace", "deployment"),
                keys(),
                CHANGING,
                IDEMPOTENT,
                keys("generation", "alreadyRestarted"));
    }

    static final String RESTART_KEY = "firebreak.dev/restart";
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        TargetDeployment d = TargetDeployment.of(r, env);
        Map<String, String> current =
                annotations(d.current().getSpec().getTemplate().getMetadata());
        String key = r.idempotencyKey();
        Map<String, Object> out = new LinkedHashMap<>();
        if (key.equals(current.get(RESTART_KEY))) {
            out.put("generation", d.current().getMetadata().getGeneration());
            out.put("alreadyRestarted", true);
            return StepResult.succeeded(out, d.label() + " was already restarted by this step");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(RESTART_KEY, key);
        annotations.put(RESTARTED_AT, env.clock().instant().toString());
        String body = json(Map.of("spec", Map.of("template", Map.of("metadata", Map.of("annotations", annotations)))));
        PlannedChange change = d.patchChange(body);
        if (env.dryRun()) {
            return StepResult.planned(change, "would restart " + d.label());
        }
        Deployment patched = d.patch(PatchType.JSON_MERGE, body);
        out.put("generation", patched.getMetadata().getGeneration());
        out.put("alreadyRestarted", false);
        return StepResult.changed(out, "restarted " + d.label(), change);
    }
}
