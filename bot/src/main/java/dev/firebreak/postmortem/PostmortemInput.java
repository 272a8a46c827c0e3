package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.incident.IncidentView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a post-mortem draft is made from, as plain data (no JPA): the incident, its alerts and its
 * timeline in order, plus when the draft is made. Text in here is untrusted.
 */
public record PostmortemInput(
        Incident incident,
        List<AlertFact> alerts,
        List<Entry> timeline,
        Instant generatedAt,
        List<StormGroup> stormGroups) {

    public PostmortemInput {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(generatedAt, "generatedAt");
        alerts = alerts == null ? List.of() : alerts;
        timeline = timeline == null ? List.of() : timeline;
        stormGroups = stormGroups == null ? List.of() : stormGroups;
    }

    /** An incident that is not a storm incident. */
    public PostmortemInput(Incident incident, List<AlertFact> alerts, List<Entry> timeline, Instant generatedAt) {
        this(incident, alerts, timeline, generatedAt, List.of());
    }

    /**
     * One alert group of a storm incident: when it joined, and when it resolved or was split out
     * ({@code splitTo} the reference of its own incident). {@code state} is FIRING, RESOLVED or SPLIT.
     */
    public record StormGroup(
            int number,
            String title,
            String severity,
            String state,
            int firingAlerts,
            int totalAlerts,
            Instant joinedAt,
            Instant resolvedAt,
            Instant splitAt,
            String splitTo) {}

    /** The incident's facts; milestones may be null. */
    public record Incident(
            long number,
            String title,
            String summary,
            String severity,
            String status,
            String source,
            Instant detectedAt,
            Instant openedAt,
            Instant acknowledgedAt,
            Instant mitigatedAt,
            Instant resolvedAt,
            String commander,
            String scribe,
            String comms,
            Map<String, String> labels,
            int truncatedAlerts,
            String externalUrl) {

        public Incident {
            labels = labels == null ? Map.of() : labels;
        }

        /** From the incident read model. */
        public static Incident of(IncidentView i) {
            return new Incident(
                    i.number(),
                    i.title(),
                    i.summary(),
                    i.severity().name(),
                    i.status().name(),
                    i.source(),
                    i.detectedAt(),
                    i.openedAt(),
                    i.acknowledgedAt(),
                    i.mitigatedAt(),
                    i.resolvedAt(),
                    i.commander(),
                    i.scribe(),
                    i.comms(),
                    i.labels(),
                    i.truncatedAlerts(),
                    i.externalUrl());
        }

        public String reference() {
            return dev.firebreak.incident.Incident.reference(number);
        }
    }

    /** One timeline entry; {@code actorRef} is like {@code slack:U123} for people, null for machines. */
    public record Entry(
            long id,
            Instant occurredAt,
            String kind,
            String actor,
            String actorRef,
            String text,
            String link,
            String data,
            boolean keyEvent,
            Long supersedesId) {}
}
