package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.lang.Json;
import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
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

    static String json(Object o) {
        return Json.write(o);
    }

    static int intOr(Integer v, int fallback) {
        return v == null ? fallback : v;
    }
}
