package dev.firebreak.runbook;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The fabric8 client for the cluster runbooks act on, created on first use (a Firebreak without Kubernetes steps needs
 * no cluster): {@code firebreak.kubernetes.api-url} with its token and CA file (or {@code insecure-skip-tls-verify}),
 * else the in-cluster service account.
 */
@Component
class KubernetesClients implements DisposableBean {

    private final KubernetesSettings settings;
    private volatile KubernetesClient client;

    KubernetesClients(KubernetesSettings settings) {
        this.settings = settings;
    }

    KubernetesClient client() {
        KubernetesClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = new KubernetesClientBuilder().withConfig(config()).build();
                }
                c = client;
            }
        }
        return c;
    }

    Config config() {
        if (settings.apiUrl() == null || settings.apiUrl().isBlank()) {
            // In a pod: the service account token and CA under /var/run/secrets/kubernetes.io/serviceaccount.
            return new ConfigBuilder(Config.autoConfigure(null)).build();
        }
        ConfigBuilder b = new ConfigBuilder(Config.empty())
                .withMasterUrl(settings.apiUrl())
                .withTrustCerts(settings.insecureSkipTlsVerify())
                .withDisableHostnameVerification(settings.insecureSkipTlsVerify());
        if (settings.token() != null && !settings.token().isBlank()) {
            b.withOauthToken(settings.token());
        }
        if (settings.caFile() != null && !settings.caFile().isBlank()) {
            b.withCaCertFile(settings.caFile());
        }
        return b.build();
    }

    @Override
    public void destroy() {
        KubernetesClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
