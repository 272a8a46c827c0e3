package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.lang.Json;
import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kubernetes.rollout-undo}: what {@code kubectl rollout undo} does: the deployment's pod template goes back to
 * the one of its ReplicaSet with the previous revision (or {@code to-revision}). The deployment is marked with
 * {@code firebreak.dev/rollout-undo: <runId/stepId>} in the same patch, so repeating the step for the same run changes
 * nothing (safe after a crash). Outputs {@code fromRevision}, {@code toRevision}.
 */
public final class KubernetesRolloutUndoStep extends KubeStep {

    public KubernetesRolloutUndoStep() {
        super(
                "kubernetes.rollout-undo",
                keys("namespace", "deployment"),
                keys("to-revision"),
                CHANGING,
                IDEMPOTENT,
                keys("fromRevision", "toRevision", "alreadyUndone"));
    }

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String UNDO_KEY = "firebreak.dev/rollout-undo";

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        TargetDeployment target = TargetDeployment.of(r, env);
        String ns = target.ns();
        var k = target.client();
        Deployment d = target.current();
        Map<String, String> annotations = annotations(d.getMetadata());
        long current = revision(annotations);
        Map<String, Object> out = new LinkedHashMap<>();
        if (r.idempotencyKey().equals(annotations.get(UNDO_KEY))) {
            out.put("fromRevision", current);
            out.put("toRevision", current);
            out.put("alreadyUndone", true);
            return StepResult.succeeded(out, target.label() + " was already rolled back by this step");
        }
        long wanted = r.integer("to-revision", 0);
        ReplicaSet previous = null;
        long targetRevision = -1;
        for (ReplicaSet rs : k.apps().replicaSets().inNamespace(ns).list().getItems()) {
            boolean owned = rs.getMetadata().getOwnerReferences() != null
                    && rs.getMetadata().getOwnerReferences().stream()
                            .anyMatch(o -> d.getMetadata().getUid() != null
                                    && d.getMetadata().getUid().equals(o.getUid()));
            if (!owned) {
                continue;
            }
            long rev = revision(rs.getMetadata().getAnnotations());
            boolean candidate = wanted > 0 ? rev == wanted : rev < current && rev > targetRevision;
            if (candidate) {
                previous = rs;
                targetRevision = rev;
            }
        }
        if (previous == null) {
            throw new StepFailure(
                    ErrorKind.NOT_FOUND,
                    wanted > 0
                            ? target.label() + " has no revision " + wanted
                            : target.label() + " has no revision before " + current + " to roll back to");
        }
        PodTemplateSpec template = previous.getSpec().getTemplate();
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            template.getMetadata().getLabels().remove("pod-template-hash");
        }
        Object templateJson = Json.read(k.getKubernetesSerialization().asJson(template));
        List<Map<String, Object>> ops = new ArrayList<>();
        ops.add(Map.of("op", "replace", "path", "/spec/template", "value", templateJson));
        if (d.getMetadata().getAnnotations() == null) {
            ops.add(Map.of(
                    "op", "add", "path", "/metadata/annotations", "value", Map.of(UNDO_KEY, r.idempotencyKey())));
        } else {
            ops.add(Map.of(
                    "op",
                    "add",
                    "path",
                    "/metadata/annotations/" + UNDO_KEY.replace("/", "~1"),
                    "value",
                    r.idempotencyKey()));
        }
        String body = json(ops);
        PlannedChange change = target.patchChange(body);
        out.put("fromRevision", current);
        out.put("toRevision", targetRevision);
        out.put("alreadyUndone", false);
        String what = target.label() + " from revision " + current + " to " + targetRevision;
        if (env.dryRun()) {
            return StepResult.planned(out, change, "would roll back " + what);
        }
        target.patch(PatchType.JSON, body);
        return StepResult.changed(out, "rolled back " + what, change);
    }

    static long revision(Map<String, String> annotations) {
        if (annotations == null || annotations.get(REVISION) == null) {
            return 0;
        }
        try {
            return Long.parseLong(annotations.get(REVISION));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
