package dev.firebreak.incident;

import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Rules about storm memberships that {@link IncidentManagement} applies; package-private helpers. */
final class StormGroupMemberships {

    private StormGroupMemberships() {}

    /**
     * A resolved storm incident lets go of its groups (their next notification is decided anew), as a resolved
     * incident lets go of its correlation; re-opened, it takes back those no other incident took meanwhile.
     */
    static void followStatus(IncidentGroups groups, Incidents incidents, UUID incidentId, IncidentStatus to) {
        if (to != IncidentStatus.RESOLVED && to != IncidentStatus.TRIGGERED) {
            return;
        }
        for (IncidentGroup g : groups.findByIncidentIdOrderByOrdinal(incidentId)) {
            if (to == IncidentStatus.RESOLVED && g.attached()) {
                g.release();
                groups.saveAndFlush(g);
            } else if (to == IncidentStatus.TRIGGERED
                    && !g.attached()
                    && g.getState() != IncidentGroup.State.SPLIT
                    && incidents.findOpenByCorrelationHash(g.getGroupHash()).isEmpty()
                    && groups.findAttached(g.getGroupHash()).isEmpty()) {
                g.restore();
                groups.saveAndFlush(g);
            }
        }
    }

    /** {@code 3}, {@code #3} or the exact groupKey. */
    static Optional<IncidentGroup> find(IncidentGroups groups, UUID incidentId, String selector) {
        if (selector == null || selector.isBlank()) {
            return Optional.empty();
        }
        String s = selector.strip();
        String number = s.startsWith("#") ? s.substring(1) : s;
        if (number.matches("\\d{1,9}")) {
            return groups.findByIncidentIdAndOrdinal(incidentId, Integer.parseInt(number));
        }
        return groups.findByIncidentIdOrderByOrdinal(incidentId).stream()
                .filter(g -> g.getGroupKey().equals(s))
                .findFirst();
    }

    /** How a selector is echoed in an error: a number as given, anything else (untrusted text) not at all. */
    static String shown(String selector) {
        String s = selector == null ? "" : selector.strip();
        return s.matches("#?\\d{1,9}") ? (s.startsWith("#") ? s : "#" + s) : "with that key";
    }

    static void checkSplittable(IncidentGroup g, Incident storm, Incidents incidents) {
        if (g.getState() == IncidentGroup.State.SPLIT) {
            String to = g.getSplitTo() == null
                    ? ""
                    : incidents
                            .findById(g.getSplitTo())
                            .map(i -> " into " + i.reference())
                            .orElse("");
            throw conflict("group_split", "Alert group " + g.label() + " was already split out" + to);
        }
        if (!storm.getStatus().isOpen() || !g.attached()) {
            throw conflict(
                    "incident_resolved",
                    storm.reference() + " is resolved; its alert groups open incidents"
                            + " of their own when they fire again");
        }
        if (g.getState() == IncidentGroup.State.RESOLVED) {
            throw conflict("group_resolved", "Alert group " + g.label() + " has resolved; nothing to split out");
        }
    }

    private static AlertGroupConflictException conflict(String code, String message) {
        return new AlertGroupConflictException(HttpStatus.CONFLICT, code, message);
    }
}
