package dev.firebreak.integrations.pagerduty;

import java.util.List;
import java.util.Objects;

/**
 * {@code POST /incidents}. Give either an {@code escalationPolicyId} or {@code assigneeUserIds} (or neither: the
 * service's policy applies), not both.
 *
 * @param title              incident title (cut to 1,024 characters)
 * @param serviceId          service reference
 * @param urgency            optional; null = the service's default
 * @param incidentKey        optional de-duplication key: PagerDuty rejects a second open incident with the same key
 * @param details            optional body details (plain text)
 * @param escalationPolicyId optional
 * @param assigneeUserIds    optional
 */
public record NewPagerDutyIncident(
        String title,
        String serviceId,
        Urgency urgency,
        String incidentKey,
        String details,
        String escalationPolicyId,
        List<String> assigneeUserIds) {

    public NewPagerDutyIncident {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(serviceId, "serviceId");
        assigneeUserIds = assigneeUserIds == null ? List.of() : List.copyOf(assigneeUserIds);
        if (escalationPolicyId != null && !assigneeUserIds.isEmpty()) {
            throw new IllegalArgumentException("give an escalation policy or assignees, not both");
        }
    }

    public static NewPagerDutyIncident of(String title, String serviceId) {
        return new NewPagerDutyIncident(title, serviceId, null, null, null, null, List.of());
    }

    public NewPagerDutyIncident withUrgency(Urgency urgency) {
        return new NewPagerDutyIncident(
                title, serviceId, urgency, incidentKey, details, escalationPolicyId, assigneeUserIds);
    }

    public NewPagerDutyIncident withIncidentKey(String incidentKey) {
        return new NewPagerDutyIncident(
                title, serviceId, urgency, incidentKey, details, escalationPolicyId, assigneeUserIds);
    }

    public NewPagerDutyIncident withDetails(String details) {
        return new NewPagerDutyIncident(
                title, serviceId, urgency, incidentKey, details, escalationPolicyId, assigneeUserIds);
    }

    public NewPagerDutyIncident withEscalationPolicy(String escalationPolicyId) {
        return new NewPagerDutyIncident(
                title, serviceId, urgency, incidentKey, details, escalationPolicyId, assigneeUserIds);
    }

    public NewPagerDutyIncident withAssignees(List<String> assigneeUserIds) {
        return new NewPagerDutyIncident(
                title, serviceId, urgency, incidentKey, details, escalationPolicyId, assigneeUserIds);
    }
}
