package dev.firebreak.slack;

import java.util.regex.Pattern;

/** Escaping (and unescaping) for untrusted text in Slack mrkdwn: {@code &}, {@code <}, {@code >} (so {@code <!channel>} pings nobody). */
public final class SlackMrkdwn {

    /** A user mention as Slack sends it: {@code <@U123>} or {@code <@U123|name>}; group 1 the id, group 2 the name. */
    public static final Pattern USER_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");
    /** A Slack user id ({@code U…} or {@code W…}). */
    public static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

    private SlackMrkdwn() {
    }

    /** The mention of a Slack user id: shown as the person's name, stable across renames. */
    public static String mention(String userId) {
        return "<@" + userId + ">";
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
