package dev.firebreak.runbook;

import dev.firebreak.system.security.Secrets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code firebreak.prometheus.url}: the Prometheus that {@code prometheus.query} and {@code wait-until} ask. */
@ConfigurationProperties("firebreak.prometheus")
public record PrometheusSettings(String url) {

    /** The URL may carry basic-auth credentials ({@code https://user:pass@prometheus}): never printed. */
    @Override
    public String toString() {
        return "PrometheusSettings[url=" + Secrets.redactUrl(url) + "]";
    }
}
