package dev.firebreak.incident;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Read port: the incident's chat channel, for the read model ({@link IncidentView}). The Slack module owns the
 * channel (its {@code slack_channel} row: intent, channel, card, archive) and implements this, so this package
 * stores no copy of it and does not depend on Slack (like {@link AlertTotals}).
 */
public interface IncidentChannels {

    /** A channel the incident has (created or adopted), by id and name. */
    record Channel(String id, String name) {}

    /** Channels of many incidents in one query; incidents without a channel are absent. */
    Map<UUID, Channel> of(Collection<UUID> incidentIds);

    default Optional<Channel> of(UUID incidentId) {
        return Optional.ofNullable(of(List.of(incidentId)).get(incidentId));
    }
}
