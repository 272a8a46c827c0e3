package dev.firebreak.paging;

import dev.firebreak.system.outbox.Outbox;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paging for other modules (runbook steps {@code pagerduty.page} and {@code pagerduty.note}): the same outbox tasks
 * as {@code /incident page} and the automatic notes, enqueued in the caller's transaction with a dedup key, so a
 * step that runs again after a crash pages once.
 */
@Component
public class Pages {

    private final PagerDutySettings settings;
    private final PagingRoutes routes;
    private final Outbox outbox;

    Pages(PagerDutySettings settings, PagingRoutes routes, Outbox outbox) {
        this.settings = settings;
        this.routes = routes;
        this.outbox = outbox;
    }

    /** Pages a team known to the routing configuration; empty when accepted, else why not. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> pageTeam(
            UUID incidentId, String team, String message, String requestedBy, String dedupKey) {
        if (!settings.enabled()) {
            return Optional.of("PagerDuty is not configured");
        }
        Optional<Route> route = routes.forTeam(team);
        if (route.isEmpty()) {
            return Optional.of("no PagerDuty team called '" + team + "' in firebreak.pagerduty.routing");
        }
        outbox.enqueue(
                PagingTasks.PAGE,
                PagingTasks.queue(incidentId),
                dedupKey,
                incidentId,
                new PagingTasks.PageTask(incidentId, team, null, message, requestedBy));
        return Optional.empty();
    }

    /** Adds a note to the incident's PagerDuty incident (once it is known); empty when accepted, else why not. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> note(UUID incidentId, String text, String dedupKey) {
        if (!settings.enabled() || !settings.hasApiToken()) {
            return Optional.of("PagerDuty notes need firebreak.pagerduty.api-token");
        }
        outbox.enqueue(
                PagingTasks.NOTE,
                PagingTasks.noteQueue(incidentId),
                dedupKey,
                incidentId,
                new PagingTasks.NoteTask(incidentId, PagingTasks.NOTE_PREFIX + text));
        return Optional.empty();
    }
}
