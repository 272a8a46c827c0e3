package dev.firebreak.slack.delivery;

import dev.firebreak.slack.SlackMrkdwn;
import java.util.regex.Pattern;

/** Small helpers shared by the views: escaping, truncation, people, links. */
final class SlackText {

    /** Slack's limit for a section's text and most text objects. */
    static final int SECTION_TEXT = 3000;

    static final int HEADER_TEXT = 150;
    static final int TOPIC = 250;

    private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>|\"]{1,1900}");

    private SlackText() {}

    /** Escaped mrkdwn of untrusted text. */
    static String esc(String text) {
        return SlackMrkdwn.escape(text);
    }

    /** Cuts to at most {@code max} characters, marking the cut with an ellipsis; never splits an entity. */
    static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text == null ? "" : text;
        }
        String cut = text.substring(0, max - 1);
        int amp = cut.lastIndexOf('&');
        if (amp >= 0 && cut.indexOf(';', amp) < 0) {
            cut = cut.substring(0, amp);
        }
        if (!cut.isEmpty() && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** The Slack user id in {@code slack:U123} (or a bare {@code U123}), else null. */
    static String slackUserId(String ref) {
        if (ref == null) {
            return null;
        }
        String id = ref.startsWith("slack:") ? ref.substring(6) : ref;
        return SlackMrkdwn.USER_ID.matcher(id).matches() ? id : null;
    }

    /** A mention for Slack users, the escaped name for anyone else, a dash when nobody. */
    static String person(String ref) {
        if (ref == null || ref.isBlank()) {
            return "_unassigned_";
        }
        String id = slackUserId(ref);
        return id != null ? SlackMrkdwn.mention(id) : esc(cap(ref, 100));
    }

    /** A mrkdwn link, or null when the URL is not a plain http(s) URL (untrusted input). */
    static String link(String url, String label) {
        if (url == null || !SAFE_URL.matcher(url).matches()) {
            return null;
        }
        return "<" + url.replace("&", "&amp;") + "|" + esc(label) + ">";
    }
}
