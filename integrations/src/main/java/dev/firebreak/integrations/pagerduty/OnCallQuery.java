package dev.firebreak.integrations.pagerduty;

import java.time.Instant;
import java.util.List;

/**
 * Filters of {@code GET /oncalls}. Empty lists mean "no filter"; {@code since}/{@code until} null means "now".
 *
 * @param escalationPolicyIds {@code escalation_policy_ids[]}
 * @param scheduleIds         {@code schedule_ids[]}
 * @param userIds             {@code user_ids[]}
 * @param earliest            {@code earliest=true}: only the earliest on-call per policy, level and user
 * @param since               start of the window
 * @param until               end of the window
 * @param includeUsers        {@code include[]=users}: embed full users (emails) instead of references
 */
public record OnCallQuery(
        List<String> escalationPolicyIds,
        List<String> scheduleIds,
        List<String> userIds,
        boolean earliest,
        Instant since,
        Instant until,
        boolean includeUsers) {

    public OnCallQuery {
        escalationPolicyIds = escalationPolicyIds == null ? List.of() : List.copyOf(escalationPolicyIds);
        scheduleIds = scheduleIds == null ? List.of() : List.copyOf(scheduleIds);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }

    /** Everyone on call now, with users included. */
    public static OnCallQuery now() {
        return new OnCallQuery(List.of(), List.of(), List.of(), false, null, null, true);
    }

    /** Who is on call now for these escalation policies (earliest per level), with users included. */
    public static OnCallQuery forEscalationPolicies(List<String> escalationPolicyIds) {
        return new OnCallQuery(escalationPolicyIds, List.of(), List.of(), true, null, null, true);
    }

    public OnCallQuery withScheduleIds(List<String> scheduleIds) {
        return new OnCallQuery(escalationPolicyIds, scheduleIds, userIds, earliest, since, until, includeUsers);
    }

    public OnCallQuery withUserIds(List<String> userIds) {
        return new OnCallQuery(escalationPolicyIds, scheduleIds, userIds, earliest, since, until, includeUsers);
    }

    public OnCallQuery withWindow(Instant since, Instant until) {
        return new OnCallQuery(escalationPolicyIds, scheduleIds, userIds, earliest, since, until, includeUsers);
    }

    public OnCallQuery withEarliest(boolean earliest) {
        return new OnCallQuery(escalationPolicyIds, scheduleIds, userIds, earliest, since, until, includeUsers);
    }

    public OnCallQuery withIncludeUsers(boolean includeUsers) {
        return new OnCallQuery(escalationPolicyIds, scheduleIds, userIds, earliest, since, until, includeUsers);
    }
}
