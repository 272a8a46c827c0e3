package dev.firebreak.paging;

import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackMrkdwn;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.slack.SlackUsers;
import dev.firebreak.slack.SlashCommand;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code /oncall [team or escalation policy]}: who is on call now and next per escalation level, as Slack
 * mentions. A read: it calls PagerDuty and Slack directly (it runs after the 3-second acknowledgement).
 */
@Component
class OnCallCommand implements SlashCommand {

    private static final Logger log = LoggerFactory.getLogger(OnCallCommand.class);

    private final PagerDutySettings settings;
    private final PagingRoutes routes;
    private final OnCallLookup lookup;
    private final SlackUsers slackUsers;

    OnCallCommand(PagerDutySettings settings, PagingRoutes routes, OnCallLookup lookup, SlackUsers slackUsers) {
        this.settings = settings;
        this.routes = routes;
        this.lookup = lookup;
        this.slackUsers = slackUsers;
    }

    @Override
    public String command() {
        return "/oncall";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        if (!settings.hasApiToken()) {
            return SlackReply.ephemeral("PagerDuty is not configured (firebreak.pagerduty.api-token), so I cannot "
                    + "look up who is on call.");
        }
        String arg = context.args() == null ? "" : context.args().strip();
        Map<String, String> policies;
        if (arg.isEmpty()) {
            policies = routes.policies();
        } else {
            Optional<Route> route = routes.forTeam(arg);
            if (route.isEmpty() || !route.get().hasEscalationPolicy()) {
                return SlackReply.ephemeral("I don't know a team or escalation policy called `"
                        + SlackMrkdwn.escape(arg) + "`. Known: " + known() + ".");
            }
            policies = new LinkedHashMap<>();
            policies.put(route.get().escalationPolicy(), route.get().name());
        }
        if (policies.isEmpty()) {
            return SlackReply.ephemeral(OnCallMessage.render(List.of(), Map.of()));
        }
        try {
            List<OnCallView> views = lookup.lookup(policies);
            return SlackReply.ephemeral(OnCallMessage.render(views, slackIds(views)));
        } catch (PagerDutyException e) {
            log.warn("/oncall: PagerDuty lookup failed: {}", PagerDutyOutcomes.describe(e));
            return SlackReply.ephemeral("PagerDuty did not answer ("
                    + (e.status() == 0 ? "no answer" : "HTTP " + e.status()) + "); try again in a minute.");
        }
    }

    private Map<String, String> slackIds(List<OnCallView> views) {
        Map<String, String> ids = new HashMap<>();
        for (OnCallView view : views) {
            for (OnCallView.Level level : view.levels()) {
                for (List<OnCallView.Person> people : List.of(level.now(), level.next())) {
                    for (OnCallView.Person p : people) {
                        if (p.email() == null || ids.containsKey(p.email().toLowerCase(Locale.ROOT))) {
                            continue;
                        }
                        try {
                            slackUsers
                                    .idForEmail(p.email(), settings.onCallCacheTtl())
                                    .ifPresent(id -> ids.put(p.email().toLowerCase(Locale.ROOT), id));
                        } catch (Exception e) {
                            // Fall back to the plain name for this person.
                            log.info("/oncall: no Slack user for a PagerDuty user ({})", e.toString());
                        }
                    }
                }
            }
        }
        return ids;
    }

    private String known() {
        Map<String, String> policies = routes.policies();
        return policies.isEmpty() ? "none configured" : String.join(", ", policies.values());
    }
}
