package dev.firebreak.slack;

import dev.firebreak.system.text.UserMentions;
import java.util.regex.Pattern;

/** Escaping (and unescaping) for untrusted text in Slack mrkdwn: {@code &}, {@code <}, {@code >} (so {@code <!channel>} pings nobody). */
public final class SlackMrkdwn {

    /** A user mention as Slack sends it: {@code <@U123>} or {@code <@U123|name>}; group 1 the id, group 2 the name. */
    public static final Pattern USER_MENTION = UserMentions.USER_MENTION;
    /** A Slack user id ({@code U…} or {@code W…}). */
    public static final Pattern USER_ID = UserMentions.USER_ID;

    private SlackMrkdwn() {}

    /** The mention of a Slack user id: shown as the person's name, stable across renames. */
    public static String mention(String userId) {
        return UserMentions.mention(userId);
    }

    /** Escaped text in which user mentions ({@code <@U123>}) still show as names; nothing else links or pings. */
    public static String escapeKeepingMentions(String text) {
        return UserMentions.ESCAPED_MENTION.matcher(escape(text)).replaceAll("<@$1>");
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The reverse: Slack sends typed {@code & < >} as entities; timeline and titles store the plain text. */
    public static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
