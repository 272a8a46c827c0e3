package dev.firebreak.timeline;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appends to and reads incident timelines. */
@Service
public class Timeline {

    private final TimelineEntries entries;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    Timeline(TimelineEntries entries, Clock clock, ApplicationEventPublisher events, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
            events.publishEvent(new NoteAdded(
                    saved.getIncidentId(), saved.getId(), saved.getText(), entry.actor(), saved.getOccurredAt()));
        }
        return Optional.of(saved);
    }

    /**
     * Appends many entries derived from external facts (alerts firing and resolving) in the caller's
     * transaction, set-based: entries whose dedup key is already there are skipped with one query per 1,000
     * keys, the rest are inserted in one batch. Every entry needs a dedup key; notes go through
     * {@link #record}. The caller holds the incident's lock. Returns how many were written.
     */
    @Transactional
    public int recordAll(UUID incidentId, List<NewTimelineEntry> batch) {
        return batch.isEmpty() ? 0 : TimelineBatch.append(jdbc, incidentId, batch, clock.instant());
    }

    /**
     * As {@link #recordAll}, for an incident opened in the caller's transaction: none of the keys can be there yet,
     * so the dedup query is skipped.
     */
    @Transactional
    public int recordAllForNewIncident(UUID incidentId, List<NewTimelineEntry> batch) {
        return batch.isEmpty() ? 0 : TimelineBatch.appendNew(jdbc, incidentId, batch, clock.instant());
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
