package dev.firebreak.integrations.pagerduty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** REST v2 incident bodies ({@code POST /incidents}, {@code PUT /incidents/{id}}), as plain maps for Jackson. */
final class IncidentBodies {

    private IncidentBodies() {}

    static Map<String, Object> create(NewPagerDutyIncident incident) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "incident");
        body.put("title", EventLimits.summary(incident.title()));
        body.put("service", reference(incident.serviceId(), "service_reference"));
        if (incident.urgency() != null) {
            body.put("urgency", incident.urgency().wireValue());
        }
        if (incident.incidentKey() != null && !incident.incidentKey().isBlank()) {
            body.put("incident_key", incident.incidentKey());
        }
        if (incident.details() != null && !incident.details().isBlank()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("type", "incident_body");
            details.put("details", incident.details());
            body.put("body", details);
        }
        if (incident.escalationPolicyId() != null) {
            body.put("escalation_policy", reference(incident.escalationPolicyId(), "escalation_policy_reference"));
        }
        if (!incident.assigneeUserIds().isEmpty()) {
            body.put("assignments", assignments(incident.assigneeUserIds()));
        }
        return Map.of("incident", body);
    }

    static Map<String, Object> update(IncidentUpdate update) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "incident_reference");
        if (update.status() != null) {
            body.put("status", update.status().wireValue());
        }
        if (update.escalationLevel() != null) {
            body.put("escalation_level", update.escalationLevel());
        }
        if (!update.assigneeUserIds().isEmpty()) {
            body.put("assignments", assignments(update.assigneeUserIds()));
        }
        return Map.of("incident", body);
    }

    private static Map<String, Object> reference(String id, String type) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("id", PagerDutyClient.requireId(id, type));
        reference.put("type", type);
        return reference;
    }

    private static List<Map<String, Object>> assignments(List<String> userIds) {
        return userIds.stream()
                .map(id -> Map.<String, Object>of("assignee", reference(id, "user_reference")))
                .toList();
    }
}
