package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kubernetes.scale}: sets a deployment's {@code spec.replicas} to {@code replicas} (0..{@code max}, default max
 * 100). Scaling to N is idempotent. Outputs {@code previousReplicas}, {@code replicas}.
 */
public final class KubernetesScaleStep extends KubeStep {

    public KubernetesScaleStep() {
        super(
                "kubernetes.scale",
                keys("namespace", "deployment", "replicas"),
                keys("max"),
                CHANGING,
                IDEMPOTENT,
                keys("previousReplicas", "replicas"));
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String ns = name(r, "namespace");
        String name = name(r, "deployment");
        long replicas = r.integer("replicas", -1);
        long max = r.integer("max", 100);
        if (replicas < 0 || replicas > max) {
            throw new StepFailure(ErrorKind.INVALID, "with.replicas must be 0.." + max + ", got " + replicas);
        }
        var k = env.kube();
        Deployment d = deployment(k, ns, name);
        long previous = intOr(d.getSpec().getReplicas(), 1);
        String body = json(Map.of("spec", Map.of("replicas", replicas)));
        PlannedChange change = new PlannedChange("PATCH", deploymentTarget(ns, name), body);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("previousReplicas", previous);
        out.put("replicas", replicas);
        if (env.dryRun()) {
            return StepResult.planned(
                    out, change, "would scale deployment " + ns + "/" + name + " from " + previous + " to " + replicas);
        }
        if (previous != replicas) {
            k.apps().deployments().inNamespace(ns).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), body);
        }
        return StepResult.changed(
                out, "scaled deployment " + ns + "/" + name + " from " + previous + " to " + replicas, change);
    }
}
