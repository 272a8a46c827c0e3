package dev.firebreak.slack;

/** Escaping (and unescaping) for untrusted text in Slack mrkdwn: {@code &}, {@code <}, {@code >} (so {@code <!channel>} pings nobody). */
public final class SlackMrkdwn {

    private SlackMrkdwn() {
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
