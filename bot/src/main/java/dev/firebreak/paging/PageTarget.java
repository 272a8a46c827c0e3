package dev.firebreak.paging;

import dev.firebreak.slack.SlackMrkdwn;
import java.util.Optional;
import java.util.regex.Matcher;

/** Parses {@code /incident page <team or @user> [message]}: a Slack mention ({@code <@U123|name>}) or a team name. */
record PageTarget(String team, String slackUserId, String message) {

    static Optional<PageTarget> parse(String args) {
        if (args == null || args.isBlank()) {
            return Optional.empty();
        }
        String text = args.strip();
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        String message = space < 0 ? null : text.substring(space + 1).strip();
        if (message != null && message.isEmpty()) {
            message = null;
        }
        Matcher m = SlackMrkdwn.USER_MENTION.matcher(first);
        if (m.matches()) {
            return Optional.of(new PageTarget(null, m.group(1), message));
        }
        if (first.startsWith("@") || first.startsWith("<")) {
            return Optional.empty();
        }
        return Optional.of(new PageTarget(first, null, message));
    }

    boolean isUser() {
        return slackUserId != null;
    }

    /** How people read it: {@code <@U123>} or the team name. */
    String label() {
        return isUser() ? SlackMrkdwn.mention(slackUserId) : team;
    }
}
