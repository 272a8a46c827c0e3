package dev.firebreak.incident;

/** No incident with that id or number (answered 404). */
public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(String reference) {
        super("No incident " + reference);
    }
}
