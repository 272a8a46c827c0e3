package dev.firebreak.slack.command;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackMrkdwn;
import dev.firebreak.timeline.TimelineEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The texts {@code /incident} answers with: pure functions of data. */
final class CommandViews {

    static final int LIST_LIMIT = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CommandViews() {
    }

    static String help(List<IncidentSubcommand> subcommands) {
        StringBuilder sb = new StringBuilder("*/incident* — run it in an incident channel, or name the incident "
                + "(e.g. `/incident ack INC-12`):\n");
        subcommands.stream().sorted(Comparator.comparing(IncidentSubcommand::name)).forEach(s ->
                sb.append("• `/incident ").append(s.usage()).append("` — ").append(s.help()).append('\n'));
        sb.append("• `/incident help` — this list");
        return sb.toString();
    }

    static String unknown(String name, List<IncidentSubcommand> subcommands) {
        return ":question: Unknown subcommand `" + SlackMrkdwn.escape(name) + "`.\n" + help(subcommands);
    }

    static String status(Incident i) {
        StringBuilder sb = new StringBuilder();
        sb.append('*').append(i.reference()).append(" · ").append(SlackMrkdwn.escape(i.getTitle())).append("*\n");
        sb.append("Status: *").append(i.getStatus()).append("* · Severity: *").append(i.getSeverity()).append("*\n");
        sb.append("Commander: ").append(person(i.role(IncidentRole.COMMANDER)))
                .append(" · Scribe: ").append(person(i.role(IncidentRole.SCRIBE)))
                .append(" · Comms: ").append(person(i.role(IncidentRole.COMMS))).append('\n');
        sb.append("Opened ").append(time(i.getOpenedAt()));
        if (i.getAcknowledgedAt() != null) {
            sb.append(" · acknowledged ").append(time(i.getAcknowledgedAt()));
        }
        if (i.getMitigatedAt() != null) {
            sb.append(" · mitigated ").append(time(i.getMitigatedAt()));
        }
        if (i.getResolvedAt() != null) {
            sb.append(" · resolved ").append(time(i.getResolvedAt()));
        }
        if (i.getSummary() != null && !i.getSummary().isBlank()) {
            sb.append("\nSummary: ").append(SlackMrkdwn.escape(i.getSummary()));
        }
        if (i.getSlackChannelId() != null) {
            sb.append("\nChannel: <#").append(i.getSlackChannelId()).append('>');
        }
        return sb.toString();
    }

    static String list(List<Incident> open) {
        if (open.isEmpty()) {
            return ":white_check_mark: No open incidents.";
        }
        StringBuilder sb = new StringBuilder("*Open incidents (" + open.size() + ")*\n");
        open.stream().limit(LIST_LIMIT).forEach(i -> {
            sb.append("• *").append(i.reference()).append("* ").append(i.getSeverity()).append(' ')
                    .append(i.getStatus()).append(" — ").append(SlackMrkdwn.escape(i.getTitle()));
            if (i.getSlackChannelId() != null) {
                sb.append(" <#").append(i.getSlackChannelId()).append('>');
            }
            sb.append('\n');
        });
        if (open.size() > LIST_LIMIT) {
            sb.append("…and ").append(open.size() - LIST_LIMIT).append(" more\n");
        }
        return sb.toString().stripTrailing();
    }

    /** Entries newest first as given; shown oldest first. */
    static String timeline(Incident incident, List<TimelineEntry> newestFirst) {
        if (newestFirst.isEmpty()) {
            return "*" + incident.reference() + "* has no timeline entries yet.";
        }
        StringBuilder sb = new StringBuilder("*" + incident.reference() + " timeline* (latest "
                + newestFirst.size() + ")\n");
        for (int k = newestFirst.size() - 1; k >= 0; k--) {
            TimelineEntry e = newestFirst.get(k);
            sb.append("• `").append(time(e.getOccurredAt())).append("` ")
                    .append(withMentions(e.getText()));
            if (e.getLink() != null) {
                sb.append(" <").append(e.getLink().replace("|", "%7C").replace(">", "%3E")).append("|link>");
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** Escaped text in which user mentions ({@code <@U123>}) still show as names; nothing else links or pings. */
    static String withMentions(String text) {
        return SlackMrkdwn.escape(text).replaceAll("&lt;@([UW][A-Z0-9]+)&gt;", "<@$1>");
    }

    static String person(String holder) {
        if (holder == null || holder.isBlank()) {
            return "—";
        }
        return CommandText.isMention(holder) ? holder : SlackMrkdwn.escape(holder);
    }

    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }
}
