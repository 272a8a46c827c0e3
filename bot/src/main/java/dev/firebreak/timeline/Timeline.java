package dev.firebreak.timeline;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appends to and reads incident timelines. */
@Service
public class Timeline {

    private final TimelineEntries entries;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Timeline(TimelineEntries entries, Clock clock, ApplicationEventPublisher events) {
        this.entries = entries;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Appends an entry in the caller's transaction. With a dedup key, an entry that is already there is
     * not written again (empty result). Callers that can race on the same key hold the incident's lock.
     * A note ({@link TimelineKinds#NOTE}) publishes {@link NoteAdded} in the same transaction.
     */
    @Transactional
    public Optional<TimelineEntry> record(NewTimelineEntry entry) {
        if (entry.dedupKey() != null && entries.existsByIncidentIdAndDedupKey(entry.incidentId(), entry.dedupKey())) {
            return Optional.empty();
        }
        TimelineEntry saved = entries.save(new TimelineEntry(entry, clock.instant()));
        if (TimelineKinds.NOTE.equals(saved.getKind()) && entry.actor() != null) {
            events.publishEvent(new NoteAdded(saved.getIncidentId(), saved.getId(), saved.getText(), entry.actor(),
                    saved.getOccurredAt()));
        }
        return Optional.of(saved);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> of(UUID incidentId) {
        return entries.ordered(incidentId);
    }

    /** The newest {@code limit} entries, newest first. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> latest(UUID incidentId, int limit) {
        return entries.latest(incidentId, PageRequest.of(0, limit));
    }
}
