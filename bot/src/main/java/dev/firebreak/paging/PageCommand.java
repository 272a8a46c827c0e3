package dev.firebreak.paging;

import dev.firebreak.incident.Incident;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackMrkdwn;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code /incident page <team or @user> [message]}: pages a team (its routing key or escalation policy) or a
 * person through PagerDuty. Validates, then enqueues {@link PagingTasks#PAGE} (the outbox does the call) and
 * records the request on the timeline, both in one transaction.
 */
@Component
class PageCommand implements IncidentSubcommand {

    private final PagerDutySettings settings;
    private final PagingRoutes routes;
    private final Outbox outbox;
    private final Timeline timeline;
    private final TransactionTemplate tx;
    private final Clock clock;

    PageCommand(
            PagerDutySettings settings,
            PagingRoutes routes,
            Outbox outbox,
            Timeline timeline,
            TransactionTemplate tx,
            Clock clock) {
        this.settings = settings;
        this.routes = routes;
        this.outbox = outbox;
        this.timeline = timeline;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "page";
    }

    @Override
    public String usage() {
        return "page <team or @user> [message]";
    }

    @Override
    public String help() {
        return "Page a team or a person through PagerDuty";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        Incident incident = context.incident();
        if (incident == null) {
            return SlackReply.ephemeral(
                    "Run this in an incident channel, or name the incident: `/incident page INC-12 <team>`.");
        }
        if (!settings.enabled()) {
            return SlackReply.ephemeral("PagerDuty is not configured, so I cannot page anyone.");
        }
        if (incident.isDrill()) {
            return SlackReply.ephemeral(incident.reference() + " is a drill: drills never page real people.");
        }
        Optional<PageTarget> parsed = PageTarget.parse(context.args());
        if (parsed.isEmpty()) {
            return SlackReply.ephemeral(
                    "Usage: `/incident " + usage() + "` (a team name like `checkout`, or an @mention)");
        }
        PageTarget target = parsed.get();
        String problem = target.isUser() ? checkUser() : checkTeam(target.team());
        if (problem != null) {
            return SlackReply.ephemeral(problem);
        }
        String who = context.actor().name();
        tx.executeWithoutResult(s -> {
            outbox.enqueue(
                    PagingTasks.PAGE,
                    PagingTasks.queue(incident.getId()),
                    null,
                    incident.getId(),
                    new PagingTasks.PageTask(
                            incident.getId(), target.team(), target.slackUserId(), target.message(), who));
            timeline.record(NewTimelineEntry.of(
                    incident.getId(),
                    clock.instant(),
                    TimelineKinds.PAGE,
                    context.actor(),
                    "Page to " + target.label() + " requested by " + who
                            + (target.message() == null ? "" : ": " + target.message())));
        });
        return SlackReply.inChannel(SlackMrkdwn.escape(who) + " is paging "
                + (target.isUser() ? target.label() : SlackMrkdwn.escape(target.team())) + " for "
                + incident.reference() + " via PagerDuty.");
    }

    private String checkUser() {
        if (!settings.hasApiToken() || PagerDutySettings.blank(settings.serviceId())) {
            return "Paging a person needs firebreak.pagerduty.api-token and firebreak.pagerduty.service-id.";
        }
        return null;
    }

    private String checkTeam(String team) {
        Optional<Route> route = routes.forTeam(team);
        if (route.isEmpty()) {
            return "I don't know a team called `" + SlackMrkdwn.escape(team) + "`.";
        }
        boolean rest = route.get().hasEscalationPolicy()
                && settings.hasApiToken()
                && !PagerDutySettings.blank(route.get().serviceId());
        if (!rest && !route.get().hasRoutingKey()) {
            return "Team `" + SlackMrkdwn.escape(team) + "` has neither a routing key nor an escalation policy with a "
                    + "service id configured, so I cannot page it.";
        }
        return null;
    }
}
