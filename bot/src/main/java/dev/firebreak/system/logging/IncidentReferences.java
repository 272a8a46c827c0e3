package dev.firebreak.system.logging;

import java.util.UUID;

/**
 * Names an incident in log lines: its reference (e.g. {@code INC-42}) for the {@code incident} field of the lines an
 * outbox task writes, so a trace reads the same from the webhook to the Slack/PagerDuty call. Provided by the
 * incident module (the system module imports no feature).
 */
public interface IncidentReferences {

    /** The incident's reference, or null if unknown. */
    String reference(UUID incidentId);
}
