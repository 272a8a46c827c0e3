package dev.firebreak.web;

import dev.firebreak.incident.AlertTotals;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAlerts;
import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.paging.PagerDutyLinks;
import dev.firebreak.runbook.RunView;
import dev.firebreak.runbook.RunbookRuns;
import dev.firebreak.runbook.RunbookView;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntries;
import dev.firebreak.timeline.TimelineEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Everything the incident page shows, read in one transaction. */
@Component
public class IncidentDetails {

    public record Details(
            Incident incident,
            String slackUrl,
            String pagerDutyUrl,
            List<Duration> durations,
            TimelineView timeline,
            long timelineTotal,
            List<AlertFact> alerts,
            long alertTotal,
            long firing,
            List<RunView> runs,
            List<RunbookView> runbooks,
            Instant now) {

        /** Time to acknowledge, mitigate, resolve (null while not reached) and how long it has been open. */
        public Duration toAcknowledge() {
            return durations.get(0);
        }

        public Duration toMitigate() {
            return durations.get(1);
        }

        public Duration toResolve() {
            return durations.get(2);
        }

        public Duration open() {
            return durations.get(3);
        }
    }

    private final IncidentManagement incidents;
    private final Timeline timeline;
    private final IncidentAlerts alerts;
    private final AlertTotals totals;
    private final PagerDutyLinks pagerDuty;
    private final RunbookRuns runs;
    private final TimelineEntries entries;
    private final Clock clock;
    private final dev.firebreak.incident.IncidentChannels channels;

    static final int TIMELINE_LIMIT = 500;
    static final int ALERT_LIMIT = 200;

    IncidentDetails(
            IncidentManagement incidents,
            Timeline timeline,
            TimelineEntries entries,
            IncidentAlerts alerts,
            AlertTotals totals,
            PagerDutyLinks pagerDuty,
            RunbookRuns runs,
            Clock clock,
            dev.firebreak.incident.IncidentChannels channels) {
        this.channels = channels;
        this.incidents = incidents;
        this.timeline = timeline;
        this.entries = entries;
        this.alerts = alerts;
        this.totals = totals;
        this.pagerDuty = pagerDuty;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * The page's data. The timeline is the newest {@link #TIMELINE_LIMIT} entries (a storm of thousands of alerts must
     * not make every 5-second refresh heavy); the alert list is read only for a full page ({@code withAlerts}), the
     * live refresh updates the counts.
     */
    @Transactional(readOnly = true)
    public Details of(String reference, Set<String> timelineGroups, boolean withAlerts) {
        Incident i = incidents.require(reference);
        Instant now = clock.instant();
        List<AlertFact> facts = !withAlerts
                ? List.of()
                : alerts.of(i.getId()).stream()
                        .sorted(Comparator.comparing((AlertFact a) -> !a.firing())
                                .thenComparing(AlertFact::startsAt, Comparator.nullsLast(Comparator.reverseOrder())))
                        .limit(ALERT_LIMIT)
                        .toList();
        List<TimelineEntry> newest = new ArrayList<>(timeline.latest(i.getId(), TIMELINE_LIMIT));
        Collections.reverse(newest);
        AlertTotals.Counts counts = totals.of(i.getId());
        List<Duration> durations = java.util.Arrays.asList(
                between(i.getOpenedAt(), i.getAcknowledgedAt()),
                between(i.getOpenedAt(), i.getMitigatedAt()),
                between(i.getOpenedAt(), i.getResolvedAt()),
                between(i.getOpenedAt(), i.getResolvedAt() != null ? i.getResolvedAt() : now));
        return new Details(
                i,
                IncidentSearch.slackUrl(channels.of(i.getId()).orElse(null)),
                pagerDuty.of(List.of(i.getId())).get(i.getId()),
                durations,
                TimelineView.of(newest, timelineGroups),
                entries.countByIncidentId(i.getId()),
                facts,
                counts.total(),
                counts.firing(),
                runs.ofIncident(i.getId()),
                i.getStatus().isOpen() ? runs.catalog(i) : List.of(),
                now);
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null || to.isBefore(from) ? null : Duration.between(from, to);
    }
}
