package dev.firebreak.runbook;

import java.time.Instant;
import java.util.UUID;

/** A {@code runbook_run} row. */
record RunRow(
        long id,
        UUID incidentId,
        String runbookId,
        String runbookTitle,
        String snapshot,
        String sourceName,
        String inputs,
        boolean dryRun,
        String dryRunReason,
        RunStatus status,
        String requestedBy,
        String requestedByName,
        String requestedVia,
        String triggerKey,
        String concurrencyKey,
        Instant nextAt,
        long wakes,
        Instant deadline,
        String leaseOwner,
        Instant leaseUntil,
        String cancelRequestedBy,
        String reason,
        String messageTs,
        long messageVersion,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {}
