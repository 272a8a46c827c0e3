package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code kubernetes.get}: reads one object ({@code kind}, {@code name}, {@code namespace} unless cluster-scoped,
 * optional {@code api-version}). Outputs {@code found}, {@code object} (without managedFields), {@code spec},
 * {@code status}, {@code labels}, {@code annotations}. Secrets are refused: a runbook never reads them.
 */
public final class KubernetesGetStep extends KubeStep {

    public KubernetesGetStep() {
        super(
                "kubernetes.get",
                keys("kind", "name"),
                keys("namespace", "api-version", "optional"),
                NOT_CHANGING,
                IDEMPOTENT,
                keys("found", "object", "spec", "status", "labels", "annotations"));
    }

    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Deployment", "apps/v1"),
            Map.entry("ReplicaSet", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"),
            Map.entry("DaemonSet", "apps/v1"),
            Map.entry("Pod", "v1"),
            Map.entry("Node", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Namespace", "v1"),
            Map.entry("PersistentVolumeClaim", "v1"),
            Map.entry("PersistentVolume", "v1"),
            Map.entry("Event", "v1"),
            Map.entry("Endpoints", "v1"),
            Map.entry("Job", "batch/v1"),
            Map.entry("CronJob", "batch/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("Ingress", "networking.k8s.io/v1"));
    private static final Set<String> CLUSTER_SCOPED = Set.of("Node", "Namespace", "PersistentVolume");

    @Override
    public Map<String, String> validate(Map<String, Object> rawWith) {
        Object kind = rawWith.get("kind");
        if (kind != null && "secret".equalsIgnoreCase(String.valueOf(kind))) {
            return Map.of("kind", "kubernetes.get does not read Secrets");
        }
        return Map.of();
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String kind = r.string("kind").trim();
        if ("secret".equalsIgnoreCase(kind)) {
            throw new StepFailure(ErrorKind.REFUSED, "kubernetes.get does not read Secrets");
        }
        String apiVersion = r.string("api-version", API_VERSIONS.get(kind));
        if (apiVersion == null) {
            throw new StepFailure(ErrorKind.INVALID, "unknown kind '" + kind + "': give with.api-version");
        }
        String name = name(r, "name");
        var op = env.kube().genericKubernetesResources(apiVersion, kind);
        GenericKubernetesResource obj = CLUSTER_SCOPED.contains(kind)
                ? op.withName(name).get()
                : op.inNamespace(name(r, "namespace")).withName(name).get();
        String target = kind + " " + (CLUSTER_SCOPED.contains(kind) ? "" : r.string("namespace", "") + "/") + name;
        Map<String, Object> out = new LinkedHashMap<>();
        if (obj == null) {
            if (r.bool("optional", false)) {
                out.put("found", false);
                return StepResult.succeeded(out, target + " not found");
            }
            throw new StepFailure(ErrorKind.NOT_FOUND, target + " not found");
        }
        obj.getMetadata().setManagedFields(null);
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) dev.firebreak.runbooks.lang.Json.read(
                env.kube().getKubernetesSerialization().asJson(obj));
        out.put("found", true);
        out.put("object", object);
        out.put("spec", object.getOrDefault("spec", Map.of()));
        out.put("status", object.getOrDefault("status", Map.of()));
        out.put(
                "labels",
                obj.getMetadata().getLabels() == null
                        ? Map.of()
                        : obj.getMetadata().getLabels());
        out.put(
                "annotations",
                obj.getMetadata().getAnnotations() == null
                        ? Map.of()
                        : obj.getMetadata().getAnnotations());
        return StepResult.succeeded(out, "read " + target);
    }
}
