package dev.firebreak.system.text;

import java.util.regex.Pattern;

/**
 * People are Slack user ids ({@code U…}/{@code W…}: role holders, actors); stored and shown text writes them as
 * mentions ({@code <@U123>}, which Slack shows as the person's current name). The one definition of both shapes;
 * {@code slack.SlackMrkdwn} and the timeline use it.
 */
public final class UserMentions {

    /** Inside a mention Slack has put the id: any length. */
    private static final String MENTIONED_ID = "[UW][A-Z0-9]+";

    /** A Slack user id as stored or typed bare (role holders): 3 to 21 characters. */
    public static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    /** A user mention as Slack sends it: {@code <@U123>} or {@code <@U123|name>}; group 1 the id, group 2 the name. */
    public static final Pattern USER_MENTION = Pattern.compile("<@(" + MENTIONED_ID + ")(?:\\|([^>]*))?>");
    /** A mention after HTML-style escaping ({@code &lt;@U123&gt;}); group 1 the id. */
    public static final Pattern ESCAPED_MENTION = Pattern.compile("&lt;@(" + MENTIONED_ID + ")&gt;");

    private UserMentions() {}

    public static boolean isUserId(String text) {
        return text != null && USER_ID.matcher(text).matches();
    }

    /** The mention of a Slack user id. */
    public static String mention(String userId) {
        return "<@" + userId + ">";
    }

    /** A user id as a mention; anything else (a name typed before ids were stored) unchanged. */
    public static String mentionIfUserId(String holder) {
        return isUserId(holder) ? mention(holder) : holder;
    }
}
