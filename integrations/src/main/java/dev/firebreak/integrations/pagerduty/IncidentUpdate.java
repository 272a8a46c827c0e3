package dev.firebreak.integrations.pagerduty;

import java.util.List;

/**
 * {@code PUT /incidents/{id}}: any of status, escalation level and assignees (null/empty = unchanged).
 *
 * @param status          {@code acknowledged} or {@code resolved}, or null
 * @param escalationLevel escalate/de-escalate to this level, or null
 * @param assigneeUserIds reassign to these users, or empty
 */
public record IncidentUpdate(IncidentStatusChange status, Integer escalationLevel, List<String> assigneeUserIds) {

    public IncidentUpdate {
        assigneeUserIds = assigneeUserIds == null ? List.of() : List.copyOf(assigneeUserIds);
        if (escalationLevel != null && escalationLevel < 1) {
            throw new IllegalArgumentException("escalation level starts at 1");
        }
        if (status == null && escalationLevel == null && assigneeUserIds.isEmpty()) {
            throw new IllegalArgumentException("an incident update must change something");
        }
    }

    public static IncidentUpdate acknowledge() {
        return new IncidentUpdate(IncidentStatusChange.ACKNOWLEDGED, null, List.of());
    }

    public static IncidentUpdate resolve() {
        return new IncidentUpdate(IncidentStatusChange.RESOLVED, null, List.of());
    }

    public static IncidentUpdate escalateTo(int escalationLevel) {
        return new IncidentUpdate(null, escalationLevel, List.of());
    }

    public static IncidentUpdate reassign(List<String> assigneeUserIds) {
        return new IncidentUpdate(null, null, assigneeUserIds);
    }
}
