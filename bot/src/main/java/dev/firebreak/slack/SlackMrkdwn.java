package dev.firebreak.slack;

/** Escaping for untrusted text in Slack mrkdwn: {@code &}, {@code <}, {@code >} (so {@code <!channel>} pings nobody). */
public final class SlackMrkdwn {

    private SlackMrkdwn() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
