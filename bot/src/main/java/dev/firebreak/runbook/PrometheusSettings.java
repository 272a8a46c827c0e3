package dev.firebreak.runbook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code firebreak.prometheus.url}: the Prometheus that {@code prometheus.query} and {@code wait-until} ask. */
@ConfigurationProperties("firebreak.prometheus")
public record PrometheusSettings(String url) {
}
