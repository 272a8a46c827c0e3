package dev.firebreak.runbooks.steps;

import dev.firebreak.runbooks.Masker;
import dev.firebreak.runbooks.steps.http.HttpTransport;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What step types act through. {@code kubernetes} is a supplier so that runbooks without Kubernetes steps work where
 * no cluster is configured (it throws {@link StepFailure} when called then). {@code prometheusUrl} may be null (then
 * Prometheus steps fail with a clear message). {@code dryRun}: changing types plan instead of acting.
 */
public record StepEnvironment(
        Supplier<KubernetesClient> kubernetes,
        URI prometheusUrl,
        HttpTransport http,
        Clock clock,
        boolean dryRun,
        RunEffects effects,
        Masker masker) {

    public StepEnvironment {
        masker = masker == null ? Masker.tokensOnly() : masker;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public KubernetesClient kube() {
        KubernetesClient client = kubernetes == null ? null : kubernetes.get();
        if (client == null) {
            throw new StepFailure(ErrorKind.INVALID, "no Kubernetes cluster is configured (firebreak.kubernetes.*)");
        }
        return client;
    }

    public URI prometheus() {
        if (prometheusUrl == null) {
            throw new StepFailure(ErrorKind.INVALID, "no Prometheus is configured (firebreak.prometheus.url)");
        }
        return prometheusUrl;
    }

    public StepEnvironment withDryRun(boolean dry) {
        return new StepEnvironment(kubernetes, prometheusUrl, http, clock, dry, effects, masker);
    }
}
