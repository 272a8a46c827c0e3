package dev.firebreak.incident;

import java.util.Optional;
import java.util.UUID;

/**
 * Drill notifications carry their drill in the correlation key ({@code drill:<drill id>:<groupKey>}), so a drill's
 * groups never meet real incidents, and {@link IncidentManagement#open} marks what they open as drill incidents (only
 * while that drill is running: a real webhook cannot make a drill incident by sending such a key).
 */
public final class DrillKeys {

    static final String PREFIX = "drill:";

    private DrillKeys() {}

    public static String groupKey(UUID drillId, String groupKey) {
        return PREFIX + drillId + ":" + groupKey;
    }

    public static Optional<UUID> drillOf(String correlationKey) {
        if (correlationKey == null
                || !correlationKey.startsWith(PREFIX)
                || correlationKey.length() < PREFIX.length() + 37) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(correlationKey.substring(PREFIX.length(), PREFIX.length() + 36)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The groupKey as Alertmanager sent it (without the drill prefix). */
    public static String original(String correlationKey) {
        return drillOf(correlationKey).isPresent() ? correlationKey.substring(PREFIX.length() + 37) : correlationKey;
    }
}
