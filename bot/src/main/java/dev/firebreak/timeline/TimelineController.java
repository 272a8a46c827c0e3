package dev.firebreak.timeline;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.system.text.StoredText;
import dev.firebreak.system.web.BadRequestException;
import dev.firebreak.system.web.Paging;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/incidents/{id}/timeline}: read an incident's timeline in order, add notes, and correct an
 * entry with a new one that supersedes it (the old entry stays, for audit).
 */
@RestController
@RequestMapping("/api/incidents/{id}/timeline")
class TimelineController {

    static final int MAX_TEXT = NewTimelineEntry.MAX_TEXT;
    static final int MAX_IDEMPOTENCY_KEY = 200;
    static final Set<String> WRITABLE_KINDS =
            Set.of(TimelineKinds.NOTE, TimelineKinds.CORRECTION, TimelineKinds.FOLLOW_UP);
    /** Tolerated clock skew for a client's occurredAt in the future. */
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    private final IncidentManagement incidents;
    private final Timeline timeline;
    private final TimelineEntries entries;
    private final Clock clock;

    TimelineController(IncidentManagement incidents, Timeline timeline, TimelineEntries entries, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.entries = entries;
        this.clock = clock;
    }

    static final int DEFAULT_PAGE_SIZE = 500;
    static final int MAX_PAGE_SIZE = 1000;

    /**
     * One page of the timeline in order (an array, as before); {@code X-Total-Count} is the number of entries
     * and {@code Link: <...>; rel="next"} points at the next page while there is one.
     */
    @GetMapping
    ResponseEntity<List<TimelineEntryView>> list(
            @PathVariable String id,
            @RequestParam(defaultValue = "true") boolean includeSuperseded,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        Pageable request = Paging.of(page, size, MAX_PAGE_SIZE, Sort.unsorted());
        Incident incident = incidents.require(id);
        Page<TimelineEntry> found = entries.page(incident.getId(), includeSuperseded, request);
        List<Long> ids = found.getContent().stream().map(TimelineEntry::getId).toList();
        Map<Long, Long> supersededBy = ids.isEmpty() ? Map.of() : supersededBy(entries.findBySupersedesIdIn(ids));
        List<TimelineEntryView> views = found.getContent().stream()
                .map(e -> TimelineEntryView.of(e, supersededBy.get(e.getId())))
                .toList();
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.ok().header("X-Total-Count", Long.toString(found.getTotalElements()));
        if (found.hasNext()) {
            answer.header(
                    "Link",
                    "</api/incidents/" + incident.reference() + "/timeline?includeSuperseded=" + includeSuperseded
                            + "&page=" + (page + 1) + "&size=" + size + ">; rel=\"next\"");
        }
        return answer.body(views);
    }

    /**
     * Adds an entry. With an {@code Idempotency-Key} header, a retried request does not add the entry twice:
     * the repeat answers 200 with the entry the first request created.
     */
    @PostMapping
    ResponseEntity<TimelineEntryView> add(
            @PathVariable String id,
            @RequestBody(required = false) TimelineEntryRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Incident incident = incidents.require(id);
        NewTimelineEntry entry = validate(incident, body);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
                throw new BadRequestException("Idempotency-Key must be at most " + MAX_IDEMPOTENCY_KEY + " characters");
            }
            entry = entry.withDedupKey("api:" + idempotencyKey.strip());
        }
        try {
            Optional<TimelineEntry> saved = timeline.record(entry);
            if (saved.isPresent()) {
                return ResponseEntity.status(HttpStatus.CREATED).body(TimelineEntryView.of(saved.get(), null));
            }
        } catch (DataIntegrityViolationException race) {
            if (entry.dedupKey() == null) {
                throw race;
            }
        }
        TimelineEntry existing = entries.findByIncidentIdAndDedupKey(incident.getId(), entry.dedupKey())
                .orElseThrow();
        return ResponseEntity.ok(TimelineEntryView.of(existing, null));
    }

    private NewTimelineEntry validate(Incident incident, TimelineEntryRequest body) {
        if (body == null) {
            throw new BadRequestException("A JSON body with \"text\" is required");
        }
        List<String> problems = new ArrayList<>();
        String text = body.text() == null ? "" : body.text().strip();
        if (text.isEmpty()) {
            problems.add("text must not be blank");
        } else if (text.length() > MAX_TEXT) {
            problems.add("text must be at most " + MAX_TEXT + " characters");
        }
        String kind = body.kind() == null || body.kind().isBlank()
                ? (body.supersedes() == null ? TimelineKinds.NOTE : TimelineKinds.CORRECTION)
                : body.kind().strip();
        if (!WRITABLE_KINDS.contains(kind)) {
            problems.add(
                    "kind must be one of " + WRITABLE_KINDS.stream().sorted().toList());
        }
        String link = body.link() == null || body.link().isBlank()
                ? null
                : body.link().strip();
        if (link != null && !Links.isWebUrl(link)) {
            problems.add("link must be an absolute http(s) URL of at most " + Links.MAX_LENGTH + " characters");
        }
        if (body.occurredAt() != null
                && body.occurredAt().isAfter(clock.instant().plus(MAX_FUTURE))) {
            problems.add("occurredAt must not be in the future");
        } else if (!StoredText.storable(body.occurredAt())) {
            problems.add("occurredAt must be between 0001-01-01 and 9999-12-31");
        }
        if (body.supersedes() != null) {
            TimelineEntry old = entries.findById(body.supersedes()).orElse(null);
            if (old == null || !old.getIncidentId().equals(incident.getId())) {
                problems.add(
                        "supersedes: there is no timeline entry " + body.supersedes() + " on " + incident.reference());
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        NewTimelineEntry entry = NewTimelineEntry.of(incident.getId(), body.occurredAt(), kind, Actor.api("api"), text)
                .withLink(link)
                .superseding(body.supersedes());
        return Boolean.TRUE.equals(body.keyEvent()) ? entry.asKeyEvent() : entry;
    }

    /** entry id -> the id of the newest entry (highest id) that supersedes it. */
    static Map<Long, Long> supersededBy(List<TimelineEntry> entries) {
        Map<Long, Long> map = new HashMap<>();
        for (TimelineEntry e : entries) {
            if (e.getSupersedesId() != null) {
                map.merge(e.getSupersedesId(), e.getId(), Math::max);
            }
        }
        return map;
    }
}
