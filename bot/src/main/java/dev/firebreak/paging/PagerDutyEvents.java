package dev.firebreak.paging;

import dev.firebreak.incident.IncidentView;
import dev.firebreak.incident.Severity;
import dev.firebreak.integrations.pagerduty.EventLink;
import dev.firebreak.integrations.pagerduty.EventSeverity;
import dev.firebreak.integrations.pagerduty.TriggerEvent;
import dev.firebreak.integrations.pagerduty.Urgency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Builds the Events v2 trigger of an incident: a pure function of the incident and configuration. */
final class PagerDutyEvents {

    /** Label names that may hold credentials never leave Firebreak (the client redacts too). */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(token|secret|password|passwd|authorization|api[_-]?key|cookie|credential|private[_-]?key).*");

    private PagerDutyEvents() {}

    static String summary(IncidentView incident) {
        return incident.reference() + " [" + incident.severity() + "] " + incident.title();
    }

    static EventSeverity severity(Severity severity) {
        return switch (severity) {
            case SEV1 -> EventSeverity.CRITICAL;
            case SEV2 -> EventSeverity.ERROR;
            case SEV3 -> EventSeverity.WARNING;
            case SEV4 -> EventSeverity.INFO;
        };
    }

    /** How urgently PagerDuty pages for an incident created through its REST API: SEV1 and SEV2 high, the rest low. */
    static Urgency urgency(Severity severity) {
        return severity.level() <= 2 ? Urgency.HIGH : Urgency.LOW;
    }

    /** The incident's own URL from {@code firebreak.pagerduty.incident-url}, or null. */
    static String incidentUrl(String template, IncidentView incident) {
        if (template == null || template.isBlank()) {
            return null;
        }
        return template.replace("{id}", incident.id().toString()).replace("{ref}", incident.reference());
    }

    static TriggerEvent trigger(IncidentView incident, String routingKey, String dedupKey, String urlTemplate) {
        String source = firstNonBlank(incident.service(), incident.cluster(), "firebreak");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incident", incident.reference());
        details.put("severity", incident.severity().name());
        details.put("source", incident.source());
        details.put("status", incident.status().name());
        Map<String, String> labels = new LinkedHashMap<>();
        incident.labels().forEach((k, v) -> {
            if (!SECRET_KEY.matcher(k).matches()) {
                labels.put(k, v);
            }
        });
        details.put("labels", labels);
        List<EventLink> links = new ArrayList<>();
        String url = incidentUrl(urlTemplate, incident);
        if (url != null) {
            links.add(new EventLink(url, "Firebreak " + incident.reference()));
        }
        if (incident.slackChannelId() != null) {
            links.add(new EventLink(
                    "https://slack.com/app_redirect?channel=" + incident.slackChannelId(),
                    "Slack #" + firstNonBlank(incident.slackChannelName(), incident.slackChannelId())));
        }
        if (incident.externalUrl() != null && incident.externalUrl().startsWith("http")) {
            links.add(new EventLink(incident.externalUrl(), "Alertmanager"));
        }
        return TriggerEvent.of(routingKey, dedupKey, summary(incident), source, severity(incident.severity()))
                .withTimestamp(incident.detectedAt())
                .withComponent(incident.service())
                .withGroup(incident.team())
                .withCustomDetails(details)
                .withLinks(links)
                .withClient("Firebreak", url);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
