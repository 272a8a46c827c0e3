package dev.firebreak.incident;

import dev.firebreak.system.web.BadRequestException;
import org.springframework.http.HttpStatus;

/** No incident with that id or number (answered 404). */
public class IncidentNotFoundException extends BadRequestException {

    public IncidentNotFoundException(String reference) {
        super(HttpStatus.NOT_FOUND, "not_found", "No incident " + reference);
    }
}
