package dev.firebreak.timeline;

import dev.firebreak.incident.Actor;
import dev.firebreak.system.text.StoredText;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A timeline entry to record. {@code occurredAt} is the source's own time (an alert's startsAt, a Slack
 * message's ts); null means now. {@code dedupKey}, when set, makes recording idempotent per incident.
 */
public record NewTimelineEntry(
        UUID incidentId,
        Instant occurredAt,
        String kind,
        Actor actor,
        String text,
        String link,
        String data,
        boolean keyEvent,
        Long supersedesId,
        String dedupKey) {

    /** The longest text an entry takes from people (API, Slack). */
    public static final int MAX_TEXT = 10_000;

    public NewTimelineEntry {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : StoredText.clean(text);
        link = StoredText.clean(link);
        dedupKey = StoredText.clean(dedupKey);
    }

    public static NewTimelineEntry of(UUID incidentId, Instant occurredAt, String kind, Actor actor, String text) {
        return new NewTimelineEntry(incidentId, occurredAt, kind, actor, text, null, null, false, null, null);
    }

    public NewTimelineEntry withDedupKey(String key) {
        return new NewTimelineEntry(incidentId, occurredAt, kind, actor, text, link, data, keyEvent, supersedesId, key);
    }

    public NewTimelineEntry withLink(String url) {
        return new NewTimelineEntry(
                incidentId, occurredAt, kind, actor, text, url, data, keyEvent, supersedesId, dedupKey);
    }

    public NewTimelineEntry withData(String json) {
        return new NewTimelineEntry(
                incidentId, occurredAt, kind, actor, text, link, json, keyEvent, supersedesId, dedupKey);
    }

    public NewTimelineEntry asKeyEvent() {
        return new NewTimelineEntry(
                incidentId, occurredAt, kind, actor, text, link, data, true, supersedesId, dedupKey);
    }

    public NewTimelineEntry superseding(Long entryId) {
        return new NewTimelineEntry(incidentId, occurredAt, kind, actor, text, link, data, keyEvent, entryId, dedupKey);
    }
}
