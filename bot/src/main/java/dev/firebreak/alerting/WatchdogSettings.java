package dev.firebreak.alerting;

import dev.firebreak.system.security.Secrets;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.watchdog.*}: the dead man's switch. Alerts that match {@code matchers} (default
 * {@code alertname=Watchdog}, the always-firing alert of kube-prometheus and of Firebreak's own rules) are
 * heartbeats: they open no incident. When a watchdog has sent no firing heartbeat for {@code timeout}, Firebreak
 * pages PagerDuty directly (Events v2, one dedup key per watchdog) and resolves that page when heartbeats return.
 * <pre>
 * firebreak.watchdog.matchers.alertname=Watchdog
 * firebreak.watchdog.timeout=10m          (Alertmanager's repeat_interval for the Watchdog route must be well below)
 * firebreak.watchdog.check-interval=30s
 * firebreak.watchdog.routing-key=...      (FIREBREAK_WATCHDOG_ROUTING_KEY; default: the default routing key)
 * </pre>
 *
 * @param enabled       false: Watchdog alerts are ingested like any other alert (they would open an incident)
 * @param matchers      label name -> exact value; an alert is a heartbeat when all match
 * @param timeout       silence after which the watchdog pages
 * @param checkInterval how often the check runs (on one replica at a time)
 * @param routingKey    PagerDuty Events v2 integration key for the page (secret); empty: the default routing key of
 *                      {@code firebreak.pagerduty.routing}; no key at all: heartbeats are recorded, nothing pages
 */
@ConfigurationProperties("firebreak.watchdog")
public record WatchdogSettings(
        @DefaultValue("true") boolean enabled,
        Map<String, String> matchers,
        @DefaultValue("10m") Duration timeout,
        @DefaultValue("30s") Duration checkInterval,
        String routingKey) {

    public WatchdogSettings {
        matchers = matchers == null || matchers.isEmpty() ? Map.of("alertname", "Watchdog") : Map.copyOf(matchers);
    }

    /** True if every matcher's label has exactly its value in {@code labels}. */
    public boolean matches(Map<String, String> labels) {
        return matchers.entrySet().stream().allMatch(m -> m.getValue().equals(labels.get(m.getKey())));
    }

    @Override
    public String toString() {
        return "WatchdogSettings[enabled=" + enabled + ", matchers=" + matchers + ", timeout=" + timeout
                + ", checkInterval=" + checkInterval + ", routingKey=" + Secrets.redact(routingKey) + "]";
    }
}
