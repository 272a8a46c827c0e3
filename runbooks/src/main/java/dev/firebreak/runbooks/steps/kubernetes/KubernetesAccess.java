package dev.firebreak.runbooks.steps.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * How Firebreak reaches Kubernetes ({@code firebreak.kubernetes.*}): with {@code apiUrl} null, the in-cluster service
 * account (token and CA mounted in the pod); otherwise {@code apiUrl} + {@code token} + {@code caFile}, or
 * {@code insecureSkipTlsVerify}. Kubeconfig files and environment auto-configuration are not consulted for an
 * explicit URL, so a developer's ~/.kube/config never leaks into a test or a deployment.
 */
public record KubernetesAccess(String apiUrl, String token, String caFile, boolean insecureSkipTlsVerify) {

    public static KubernetesAccess inCluster() {
        return new KubernetesAccess(null, null, null, false);
    }

    /** A new client (the JDK HTTP client transport); close it when done. */
    public KubernetesClient newClient() {
        if (apiUrl == null || apiUrl.isBlank()) {
            return new KubernetesClientBuilder()
                    .withConfig(Config.autoConfigure(null))
                    .build();
        }
        ConfigBuilder b = new ConfigBuilder(Config.empty())
                .withMasterUrl(apiUrl)
                .withTrustCerts(insecureSkipTlsVerify)
                .withDisableHostnameVerification(insecureSkipTlsVerify)
                .withRequestTimeout(30_000)
                .withConnectionTimeout(10_000);
        if (token != null && !token.isBlank()) {
            b.withOauthToken(token);
        }
        if (caFile != null && !caFile.isBlank()) {
            b.withCaCertFile(caFile);
        }
        return new KubernetesClientBuilder().withConfig(b.build()).build();
    }

    @Override
    public String toString() {
        return "KubernetesAccess[" + (apiUrl == null ? "in-cluster" : apiUrl) + ", token="
                + (token == null ? "none" : "********") + ", caFile=" + caFile + ", insecureSkipTlsVerify="
                + insecureSkipTlsVerify + "]";
    }
}
