package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.lang.Json;
import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What the Kubernetes step types share: name validation, deployment lookup, target naming. */
abstract class KubeStep extends DeclaredStepType {

    KubeStep(
            String name,
            Set<String> requiredKeys,
            Set<String> optionalKeys,
            boolean changing,
            boolean idempotent,
            Set<String> outputNames) {
        super(name, requiredKeys, optionalKeys, changing, idempotent, outputNames);
    }

    /** RFC 1123 names (namespaces, deployments, pods, nodes). */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    static String name(StepRequest r, String key) {
        String v = r.string(key).trim();
        if (!NAME.matcher(v).matches() || v.contains("..")) {
            throw new StepFailure(ErrorKind.INVALID, "with." + key + " is not a valid Kubernetes name");
        }
        return v;
    }

    static Deployment deployment(KubernetesClient k, String ns, String name) {
        Deployment d = k.apps().deployments().inNamespace(ns).withName(name).get();
        if (d == null) {
            throw new StepFailure(ErrorKind.NOT_FOUND, "deployment " + ns + "/" + name + " not found");
        }
        return d;
    }

    static String deploymentTarget(String ns, String name) {
        return "apps/v1 Deployment " + ns + "/" + name;
    }

    /** The annotations of an object, empty when it has none. */
    static Map<String, String> annotations(ObjectMeta meta) {
        return meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    }

    /**
     * The end of a step that sets one thing: on a dry run plans {@code change}; else sends it (unless it changes
     * nothing: idempotent) and reports it.
     */
    static StepResult apply(
            StepEnvironment env,
            PlannedChange change,
            Map<String, Object> out,
            boolean changes,
            Runnable send,
            String wouldDo,
            String done) {
        if (env.dryRun()) {
            return StepResult.planned(out, change, wouldDo);
        }
        if (changes) {
            send.run();
        }
        return StepResult.changed(out, done, change);
    }

    /** The deployment a step works on, as it is now ({@code current}); not found fails the step. */
    record TargetDeployment(KubernetesClient client, String ns, String name, Deployment current) {

        /** From {@code with.namespace} and {@code with.deployment}. */
        static TargetDeployment of(StepRequest r, StepEnvironment env) {
            String ns = KubeStep.name(r, "namespace");
            String name = KubeStep.name(r, "deployment");
            return fetch(env, ns, name);
        }

        static TargetDeployment fetch(StepEnvironment env, String ns, String name) {
            KubernetesClient k = env.kube();
            return new TargetDeployment(k, ns, name, deployment(k, ns, name));
        }

        /** {@code deployment <ns>/<name>}, as summaries name it. */
        String label() {
            return "deployment " + ns + "/" + name;
        }

        PlannedChange patchChange(String body) {
            return new PlannedChange("PATCH", deploymentTarget(ns, name), body);
        }

        Deployment patch(PatchType type, String body) {
            return client.apps().deployments().inNamespace(ns).withName(name).patch(PatchContext.of(type), body);
        }
    }

    static String json(Object o) {
        return Json.write(o);
    }

    static int intOr(Integer v, int fallback) {
        return v == null ? fallback : v;
    }
}
