package dev.firebreak.runbook;

import dev.firebreak.system.web.BadRequestException;
import org.springframework.http.HttpStatus;

/** A run that does not start, with the reason (unknown runbook, refused input, not allowed, rate limit...). */
public class RunRefusedException extends BadRequestException {

    public RunRefusedException(String message) {
        super(HttpStatus.BAD_REQUEST, "run_refused", message);
    }

    RunRefusedException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }

    /** 409: the concurrency key is held and the runbook says {@code on-conflict: skip}. */
    static RunRefusedException conflict(String message) {
        return new RunRefusedException(HttpStatus.CONFLICT, "concurrency_conflict", message);
    }

    /** 403: the user may not run (or approve) this runbook. */
    static RunRefusedException forbidden(String message) {
        return new RunRefusedException(HttpStatus.FORBIDDEN, "not_allowed", message);
    }

    static RunRefusedException notFound(String message) {
        return new RunRefusedException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    /** 429: the runbook's rate limit for this key is used up. */
    static RunRefusedException rateLimited(String message) {
        return new RunRefusedException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", message);
    }
}
