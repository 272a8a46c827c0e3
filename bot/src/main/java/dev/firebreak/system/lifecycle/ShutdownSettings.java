package dev.firebreak.system.lifecycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.shutdown.*}.
 *
 * @param drainDelay after SIGTERM, how long the replica stays up marked not ready (readiness 503) and still
 *                   accepting webhooks, so Kubernetes takes it out of the Service endpoints before it starts
 *                   answering 503; keep it above the readiness probe's period (default probes: 5 s)
 */
@ConfigurationProperties("firebreak.shutdown")
public record ShutdownSettings(@DefaultValue("5s") Duration drainDelay) {}
