package dev.firebreak.integrations.pagerduty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Events API v2 {@code trigger}. The client enforces PagerDuty's limits when sending: {@code dedupKey} at most 255
 * characters (longer keys are cut and suffixed with a hash, see {@link EventLimits#dedupKey(String)}), summary at
 * most 1,024 characters (cut with {@code …}), {@code customDetails} redacted of secrets and bounded in size.
 * {@link #toString()} never shows the routing key.
 *
 * @param routingKey    integration key of the PagerDuty service (secret)
 * @param dedupKey      stable per Firebreak incident, so acknowledge/resolve address the same alert
 * @param summary       one-line description
 * @param source        affected system (host, cluster, service)
 * @param severity      critical/error/warning/info
 * @param component     optional
 * @param group         optional
 * @param eventClass    optional ({@code class} on the wire)
 * @param timestamp     optional; when the problem started
 * @param customDetails optional free-form details
 * @param links         optional links (e.g. back to the incident)
 * @param client        optional name of the sending system ({@code client})
 * @param clientUrl     optional URL of the sending system ({@code client_url})
 */
public record TriggerEvent(
        String routingKey,
        String dedupKey,
        String summary,
        String source,
        EventSeverity severity,
        String component,
        String group,
        String eventClass,
        Instant timestamp,
        Map<String, Object> customDetails,
        List<EventLink> links,
        String client,
        String clientUrl) {

    public TriggerEvent {
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(severity, "severity");
        customDetails = customDetails == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customDetails));
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The required fields only; add the rest with the {@code with*} methods. */
    public static TriggerEvent of(
            String routingKey, String dedupKey, String summary, String source, EventSeverity severity) {
        return new TriggerEvent(
                routingKey, dedupKey, summary, source, severity, null, null, null, null, null, null, null, null);
    }

    public TriggerEvent withComponent(String component) {
        return new TriggerEvent(
                routingKey,
                dedupKey,
                summary,
                source,
                severity,
                component,
                group,
                eventClass,
                timestamp,
                customDetails,
                links,
                client,
                clientUrl);
    }

    public TriggerEvent withGroup(String group) {
        return new TriggerEvent(
                routingKey,
                dedupKey,
                summary,
                source,
                severity,
                component,
                group,
                eventClass,
                timestamp,
                customDetails,
                links,
                client,
                clientUrl);
    }

    public TriggerEvent withEventClass(String eventClass) {
        return new TriggerEvent(
                routingKey,
                dedupKey,
                summary,
                source,
                severity,
                component,
                group,
                eventClass,
                timestamp,
                customDetails,
                links,
                client,
                clientUrl);
    }

    public TriggerEvent withTimestamp(Instant timestamp) {
        return new TriggerEvent(
                routingKey,
                dedupKey,
                summary,
                source,
                severity,
                component,
                group,
                eventClass,
                timestamp,
                customDetails,
                links,
                client,
                clientUrl);
    }

    public TriggerEvent withCustomDetails(Map<String, Object> customDetails) {
        return new TriggerEvent(
                routingKey,
                dedupKey,
                summary,
                source,
                severity,
                component,
                group,
                eventClass,
                timestamp,
                customDetails,
                links,
                client,
                clientUrl);
    }

    public TriggerEvent withLinks(List<EventLink> links) {
        return new TriggerEvent(
                routingKey,
                dedupKey,
                summary,
                source,
                severity,
                component,
                group,
                eventClass,
                timestamp,
                customDetails,
                links,
                client,
                clientUrl);
    }

    public TriggerEvent withClient(String client, String clientUrl) {
        return new TriggerEvent(
                routingKey,
                dedupKey,
                summary,
                source,
                severity,
                component,
                group,
                eventClass,
                timestamp,
                customDetails,
                links,
                client,
                clientUrl);
    }

    @Override
    public String toString() {
        return "TriggerEvent[routingKey=<redacted>, dedupKey=" + dedupKey + ", summary=" + summary
                + ", source=" + source + ", severity=" + severity + ", component=" + component + ", group=" + group
                + ", eventClass=" + eventClass + ", timestamp=" + timestamp
                + ", customDetails=" + customDetails.keySet()
                + ", links=" + links + ", client=" + client + ", clientUrl=" + clientUrl + "]";
    }
}
