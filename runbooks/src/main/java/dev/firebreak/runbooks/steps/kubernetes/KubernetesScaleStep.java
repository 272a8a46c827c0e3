package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
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
        TargetDeployment d = TargetDeployment.fetch(env, ns, name);
        long previous = intOr(d.current().getSpec().getReplicas(), 1);
        String body = json(Map.of("spec", Map.of("replicas", replicas)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("previousReplicas", previous);
        out.put("replicas", replicas);
        String what = d.label() + " from " + previous + " to " + replicas;
        return apply(
                env,
                d.patchChange(body),
                out,
                previous != replicas,
                () -> d.patch(PatchType.JSON_MERGE, body),
                "would scale " + what,
                "scaled " + what);
    }
}
