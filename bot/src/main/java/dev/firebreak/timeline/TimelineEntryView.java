package dev.firebreak.timeline;

import java.time.Instant;

/**
 * One timeline entry as the API shows it. {@code supersedes} is the entry this one corrects,
 * {@code supersededBy} the newest entry that corrects this one (null when it stands).
 */
public record TimelineEntryView(
        long id,
        Instant occurredAt,
        Instant recordedAt,
        String kind,
        String actor,
        String text,
        String link,
        boolean keyEvent,
        Long supersedes,
        Long supersededBy) {

    static TimelineEntryView of(TimelineEntry e, Long supersededBy) {
        return new TimelineEntryView(
                e.getId(),
                e.getOccurredAt(),
                e.getRecordedAt(),
                e.getKind(),
                e.getActor(),
                e.getText(),
                e.getLink(),
                e.isKeyEvent(),
                e.getSupersedesId(),
                supersededBy);
    }
}
