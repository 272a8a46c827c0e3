package dev.firebreak.runbooks.steps;

/** Why a step failed; {@code retry.on} in a runbook lists these names. */
public enum ErrorKind {
    /** Network error, 5xx, 429: worth retrying. */
    TRANSIENT,
    TIMEOUT,
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN,
    /** Bad parameters (the runbook or its inputs are wrong). */
    INVALID,
    /** Refused by policy (allow-list, private address, size limit, redirect). */
    REFUSED,
    /** A Prometheus {@code expect} threshold or a condition did not hold. */
    EXPECTATION,
    /** Anything else. */
    ERROR;

    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }

    public static ErrorKind fromWire(String s) {
        return ErrorKind.valueOf(s.trim().toUpperCase().replace('-', '_'));
    }
}
