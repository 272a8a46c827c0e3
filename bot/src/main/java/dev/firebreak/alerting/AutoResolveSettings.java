package dev.firebreak.alerting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.incidents.auto-resolve}: when every alert of an alert-opened incident has resolved, the
 * incident becomes RESOLVED (true, the default) or MITIGATED (false: a human confirms the resolution).
 */
@ConfigurationProperties("firebreak.incidents")
public record AutoResolveSettings(@DefaultValue("true") boolean autoResolve) {}
