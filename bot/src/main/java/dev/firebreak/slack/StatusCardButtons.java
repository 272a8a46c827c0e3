package dev.firebreak.slack;

import java.util.List;
import java.util.UUID;

/**
 * Extra buttons another module offers on an incident's status card (e.g. the runbooks that match it). Beans
 * implementing this are asked each time the card renders; their buttons go in a row of their own, below the
 * card's own buttons. A button's {@code value} should carry the incident id (the Slack module finds the
 * incident from it).
 */
public interface StatusCardButtons {

    record Button(String actionId, String label, String value) {}

    List<Button> buttons(UUID incidentId);
}
