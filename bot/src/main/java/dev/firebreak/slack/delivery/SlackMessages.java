package dev.firebreak.slack.delivery;

import static dev.firebreak.slack.delivery.SlackText.cap;
import static dev.firebreak.slack.delivery.SlackText.esc;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The channel topic and purpose, the announcement and the closing summary: pure functions of data. */
final class SlackMessages {

    private SlackMessages() {}

    /** The marker in the channel purpose that says "this channel belongs to that incident". */
    static String marker(UUID incidentId) {
        return "[firebreak:" + incidentId + "]";
    }

    static String purpose(IncidentView v) {
        String marker = " " + marker(v.id());
        return cap("Incident " + v.reference() + ": " + esc(v.title()), SlackText.TOPIC - marker.length()) + marker;
    }

    static String topic(IncidentView v) {
        return cap(v.reference() + " | " + v.severity() + " | " + v.status() + " | " + esc(v.title()), SlackText.TOPIC);
    }

    static String announcement(IncidentView v, String channelId) {
        return cap(
                ":rotating_light: *" + v.reference() + "* (" + v.severity() + ") opened: " + esc(v.title()) + " → <#"
                        + channelId + ">",
                SlackText.SECTION_TEXT - 20 - channelId.length());
    }

    static String closingSummary(IncidentView v) {
        Instant start = v.detectedAt() != null ? v.detectedAt() : v.openedAt();
        StringBuilder sb = new StringBuilder();
        sb.append(closingHead(v)).append(": ").append(esc(cap(v.title(), 200)));
        sb.append("\n• Time to acknowledge: ").append(since(start, v.acknowledgedAt()));
        sb.append("\n• Time to mitigate: ").append(since(start, v.mitigatedAt()));
        sb.append("\n• Time to resolve: ").append(since(start, v.resolvedAt()));
        sb.append("\n_Measured from detection")
                .append(v.detectedAt() == null ? " (opening)" : "")
                .append("._");
        String head = sb.toString();
        if (v.summary() != null && !v.summary().isBlank()) {
            head += "\n*Summary:* " + esc(v.summary());
        }
        return cap(head, SlackText.SECTION_TEXT);
    }

    static String closingHead(IncidentView v) {
        return ":white_check_mark: *" + v.reference() + " resolved*";
    }

    static String since(Instant start, Instant end) {
        if (start == null || end == null) {
            return "n/a";
        }
        return duration(Duration.between(start, end));
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86400;
        long h = (s % 86400) / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        if (days > 0) {
            return days + "d " + h + "h " + m + "m";
        }
        if (h > 0) {
            return h + "h " + String.format("%02d", m) + "m";
        }
        if (m > 0) {
            return m + "m " + String.format("%02d", sec) + "s";
        }
        return sec + "s";
    }
}
