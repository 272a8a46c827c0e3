package dev.firebreak.runbooks.model;

import java.time.Duration;
import java.util.List;

/**
 * How a runbook may run. {@code concurrencyKey} is a template (nullable: no key); {@code rate} is nullable;
 * {@code runBy}/{@code approveBy} hold Slack user ids ({@code U...}) or user-group handles ({@code @sre}); empty
 * {@code runBy} means anyone in the incident may run it.
 */
public record Policy(
        Duration timeout,
        String concurrencyKey,
        OnConflict onConflict,
        Rate rate,
        List<String> runBy,
        List<String> approveBy,
        boolean approverNotRequester) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public Policy {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        onConflict = onConflict == null ? OnConflict.SKIP : onConflict;
        runBy = List.copyOf(runBy == null ? List.of() : runBy);
        approveBy = List.copyOf(approveBy == null ? List.of() : approveBy);
    }

    public static Policy defaults() {
        return new Policy(DEFAULT_TIMEOUT, null, OnConflict.SKIP, null, List.of(), List.of(), true);
    }

    public enum OnConflict {
        SKIP,
        QUEUE
    }

    /** At most {@code max} runs per {@code window} per concurrency key (or per runbook when there is no key). */
    public record Rate(int max, Duration window) {}
}
