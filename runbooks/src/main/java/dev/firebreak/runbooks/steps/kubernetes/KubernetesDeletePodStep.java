package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kubernetes.delete-pod}: deletes one pod (its controller replaces it). Not idempotent: a pod recreated with the
 * same name (StatefulSet) would be deleted again, so a crash inside it interrupts the run. Outputs {@code uid}.
 */
public final class KubernetesDeletePodStep extends KubeStep {

    public KubernetesDeletePodStep() {
        super(
                "kubernetes.delete-pod",
                keys("namespace", "pod"),
                keys("grace-period-seconds"),
                CHANGING,
                NOT_IDEMPOTENT,
                keys("uid"));
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String ns = name(r, "namespace");
        String pod = name(r, "pod");
        long grace = r.integer("grace-period-seconds", 30);
        var res = env.kube().pods().inNamespace(ns).withName(pod);
        Pod p = res.get();
        if (p == null) {
            throw new StepFailure(ErrorKind.NOT_FOUND, "pod " + ns + "/" + pod + " not found");
        }
        PlannedChange change =
                new PlannedChange("DELETE", "v1 Pod " + ns + "/" + pod, json(Map.of("gracePeriodSeconds", grace)));
        if (env.dryRun()) {
            return StepResult.planned(change, "would delete pod " + ns + "/" + pod);
        }
        res.withGracePeriod(grace).delete();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uid", p.getMetadata().getUid() == null ? "" : p.getMetadata().getUid());
        return StepResult.changed(out, "deleted pod " + ns + "/" + pod, change);
    }
}
