package dev.firebreak.system.web;

import org.springframework.http.HttpStatus;

/**
 * A request we refuse; answered with {@link #status()} and a JSON {@link ApiError}. Feature modules extend it so
 * their exceptions carry their own HTTP status ({@code system} knows no feature).
 */
public class BadRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public BadRequestException(String message) {
        this(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    public BadRequestException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
