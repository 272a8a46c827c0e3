package dev.firebreak.timeline;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appends to and reads incident timelines. */
@Service
public class Timeline {

    private final TimelineEntries entries;
    private final Clock clock;

    Timeline(TimelineEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Appends an entry in the caller's transaction. With a dedup key, an entry that is already there is
     * not written again (empty result). Callers that can race on the same key hold the incident's lock.
     */
    @Transactional
    public Optional<TimelineEntry> record(NewTimelineEntry entry) {
        if (entry.dedupKey() != null && entries.existsByIncidentIdAndDedupKey(entry.incidentId(), entry.dedupKey())) {
            return Optional.empty();
        }
        return Optional.of(entries.save(new TimelineEntry(entry, clock.instant())));
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
