package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kubernetes.wait-rollout}: done when the deployment's rollout is complete (as {@code kubectl rollout status}:
 * observed generation current, all replicas updated and available, no old replicas left); otherwise it asks to be
 * polled again after {@code interval} (default 5s) until the step's timeout. A rollout past its progress deadline
 * fails. Outputs {@code replicas}, {@code updated}, {@code available}, {@code complete}.
 */
public final class KubernetesWaitRolloutStep extends KubeStep {

    public KubernetesWaitRolloutStep() {
        super(
                "kubernetes.wait-rollout",
                keys("namespace", "deployment"),
                keys("interval"),
                NOT_CHANGING,
                IDEMPOTENT,
                keys("replicas", "updated", "available", "complete"));
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String ns = name(r, "namespace");
        String name = name(r, "deployment");
        Duration interval = r.duration("interval", Duration.ofSeconds(5));
        Deployment d = deployment(env.kube(), ns, name);
        DeploymentStatus st = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        long wanted = intOr(d.getSpec().getReplicas(), 1);
        long updated = intOr(st.getUpdatedReplicas(), 0);
        long available = intOr(st.getAvailableReplicas(), 0);
        long total = intOr(st.getReplicas(), 0);
        boolean observed = st.getObservedGeneration() != null
                && d.getMetadata().getGeneration() != null
                && st.getObservedGeneration() >= d.getMetadata().getGeneration();
        if (st.getConditions() != null
                && st.getConditions().stream()
                        .anyMatch(c -> "Progressing".equals(c.getType())
                                && "ProgressDeadlineExceeded".equals(c.getReason()))) {
            throw new StepFailure(ErrorKind.ERROR, "rollout of " + ns + "/" + name + " exceeded its progress deadline");
        }
        boolean complete = observed && updated >= wanted && available >= wanted && total <= updated;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("replicas", wanted);
        out.put("updated", updated);
        out.put("available", available);
        out.put("complete", complete);
        String progress = updated + "/" + wanted + " updated, " + available + " available";
        if (complete) {
            return StepResult.succeeded(out, "rollout of " + ns + "/" + name + " complete (" + progress + ")");
        }
        return StepResult.polling(
                out,
                "rollout of " + ns + "/" + name + " in progress (" + progress + ")",
                env.clock().instant().plus(interval));
    }
}
