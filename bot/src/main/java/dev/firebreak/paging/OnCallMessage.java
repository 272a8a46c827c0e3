package dev.firebreak.paging;

import dev.firebreak.slack.SlackMrkdwn;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code /oncall} answer: a pure function of the on-call data and the email -> Slack user mapping. */
final class OnCallMessage {

    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private OnCallMessage() {}

    /**
     * @param views       one per escalation policy
     * @param slackIds    Slack user id by lower-case email, for mentions; people without one show by name
     */
    static String render(List<OnCallView> views, Map<String, String> slackIds) {
        if (views.isEmpty()) {
            return "No escalation policy to show: configure firebreak.pagerduty.routing (rules, teams or "
                    + "default-escalation-policy), or name a team or policy id: `/oncall <team or policy>`.";
        }
        StringBuilder text = new StringBuilder();
        for (OnCallView view : views) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append("*On call: ")
                    .append(SlackMrkdwn.escape(view.policyName()))
                    .append("*");
            if (!view.policyId().equals(view.policyName())) {
                text.append(" (escalation policy ")
                        .append(SlackMrkdwn.escape(view.policyId()))
                        .append(")");
            }
            if (view.levels().isEmpty()) {
                text.append("\nNobody is on call.");
            }
            for (OnCallView.Level level : view.levels()) {
                text.append("\n• Level ")
                        .append(level.level())
                        .append(": now ")
                        .append(level.now().isEmpty() ? "nobody" : people(level.now(), slackIds));
                if (!level.next().isEmpty() && level.nextStart() != null) {
                    text.append(" · next ")
                            .append(people(level.next(), slackIds))
                            .append(" from ")
                            .append(when(level.nextStart()));
                }
            }
        }
        return text.toString();
    }

    static String mention(OnCallView.Person person, Map<String, String> slackIds) {
        String id = person.email() == null ? null : slackIds.get(person.email().toLowerCase(Locale.ROOT));
        return id != null ? SlackMrkdwn.mention(id) : SlackMrkdwn.escape(person.name());
    }

    private static String people(List<OnCallView.Person> people, Map<String, String> slackIds) {
        return people.stream().map(p -> mention(p, slackIds)).distinct().collect(Collectors.joining(", "));
    }

    /** Slack shows the date in the reader's time zone; the fallback is UTC. */
    private static String when(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK.format(at) + ">";
    }
}
