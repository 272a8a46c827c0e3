package dev.firebreak.runbook;

import java.util.List;
import java.util.Map;

/**
 * What runbooks see of an incident (trigger matching, templates): a copy, never the live entity. {@code drill}: a
 * drill incident (issue 14), whose runs are dry unless {@code firebreak.drills.run-runbooks}.
 */
record IncidentFacts(
        String id,
        String reference,
        boolean drill,
        String title,
        String severity,
        String status,
        String service,
        Map<String, String> labels,
        List<AlertFacts> alerts) {

    record AlertFacts(
            String fingerprint,
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            java.time.Instant startsAt) {}
}
