package dev.firebreak.integrations.pagerduty;

import java.time.Instant;

/**
 * One entry of {@code GET /oncalls}.
 *
 * @param userId           the on-call user's id
 * @param userSummary      the user's name
 * @param userEmail        the user's email, only with {@code include[]=users} (else null)
 * @param escalationLevel  1 = first responder
 * @param escalationPolicy policy id/summary
 * @param schedule         schedule id/summary, null when the user is on the policy directly
 * @param start            start of the on-call shift, null = permanent
 * @param end              end of the on-call shift, null = permanent
 */
public record OnCall(
        String userId,
        String userSummary,
        String userEmail,
        int escalationLevel,
        Reference escalationPolicy,
        Reference schedule,
        Instant start,
        Instant end) {}
