package dev.firebreak.runbook;

import dev.firebreak.system.security.Secrets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.kubernetes.*}: the cluster Kubernetes steps act on. With no {@code api-url}, the in-cluster
 * service account (token and CA under {@code /var/run/secrets/kubernetes.io/serviceaccount}) is used.
 */
@ConfigurationProperties("firebreak.kubernetes")
public record KubernetesSettings(
        String apiUrl,
        String token,
        String caFile,
        @DefaultValue("false") boolean insecureSkipTlsVerify) {

    @Override
    public String toString() {
        return "KubernetesSettings[apiUrl=" + Secrets.redactUrl(apiUrl) + ", token=" + Secrets.redact(token)
                + ", caFile=" + caFile + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify + "]";
    }
}
