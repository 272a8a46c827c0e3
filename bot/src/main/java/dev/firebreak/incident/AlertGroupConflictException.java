package dev.firebreak.incident;

import dev.firebreak.system.web.BadRequestException;
import org.springframework.http.HttpStatus;

/** An alert group that cannot be split out (no such group 404, already split or resolved 409). */
public class AlertGroupConflictException extends BadRequestException {

    public AlertGroupConflictException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }
}
