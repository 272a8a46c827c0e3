package dev.firebreak.slack.command;

import dev.firebreak.incident.IncidentView;
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
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CommandViews() {}

    static String help(List<IncidentSubcommand> subcommands) {
        StringBuilder sb = new StringBuilder("*/incident* — run it in an incident channel, or name the incident "
                + "(e.g. `/incident ack INC-12`):\n");
        subcommands.stream()
                .sorted(Comparator.comparing(IncidentSubcommand::name))
                .forEach(s -> sb.append("• `/incident ")
                        .append(s.usage())
                        .append("` — ")
                        .append(s.help())
                        .append('\n'));
        sb.append("• `/incident help` — this list");
        return sb.toString();
    }

    static String unknown(String name, List<IncidentSubcommand> subcommands) {
        return ":question: Unknown subcommand `" + SlackMrkdwn.escape(name) + "`.\n" + help(subcommands);
    }

    static String status(IncidentView i) {
        StringBuilder sb = new StringBuilder();
        sb.append('*')
                .append(i.reference())
                .append(" · ")
                .append(SlackMrkdwn.escape(i.title()))
                .append("*\n");
        sb.append("Status: *")
                .append(i.status())
                .append("* · Severity: *")
                .append(i.severity())
                .append("*\n");
        sb.append("Commander: ")
                .append(person(i.commander()))
                .append(" · Scribe: ")
                .append(person(i.scribe()))
                .append(" · Comms: ")
                .append(person(i.comms()))
                .append('\n');
        sb.append("Opened ").append(time(i.openedAt()));
        if (i.acknowledgedAt() != null) {
            sb.append(" · acknowledged ").append(time(i.acknowledgedAt()));
        }
        if (i.mitigatedAt() != null) {
            sb.append(" · mitigated ").append(time(i.mitigatedAt()));
        }
        if (i.resolvedAt() != null) {
            sb.append(" · resolved ").append(time(i.resolvedAt()));
        }
        if (i.summary() != null && !i.summary().isBlank()) {
            sb.append("\nSummary: ").append(SlackMrkdwn.escape(i.summary()));
        }
        if (i.slackChannelId() != null) {
            sb.append("\nChannel: <#").append(i.slackChannelId()).append('>');
        }
        return sb.toString();
    }

    static String list(List<IncidentView> open) {
        if (open.isEmpty()) {
            return ":white_check_mark: No open incidents.";
        }
        StringBuilder sb = new StringBuilder("*Open incidents (" + open.size() + ")*\n");
        open.stream().limit(LIST_LIMIT).forEach(i -> {
            sb.append("• *")
                    .append(i.reference())
                    .append("* ")
                    .append(i.severity())
                    .append(' ')
                    .append(i.status())
                    .append(" — ")
                    .append(SlackMrkdwn.escape(i.title()));
            if (i.slackChannelId() != null) {
                sb.append(" <#").append(i.slackChannelId()).append('>');
            }
            sb.append('\n');
        });
        if (open.size() > LIST_LIMIT) {
            sb.append("…and ").append(open.size() - LIST_LIMIT).append(" more\n");
        }
        return sb.toString().stripTrailing();
    }

    /** Entries newest first as given; shown oldest first. */
    static String timeline(String reference, List<TimelineEntry> newestFirst) {
        if (newestFirst.isEmpty()) {
            return "*" + reference + "* has no timeline entries yet.";
        }
        StringBuilder sb = new StringBuilder("*" + reference + " timeline* (latest " + newestFirst.size() + ")\n");
        for (int k = newestFirst.size() - 1; k >= 0; k--) {
            TimelineEntry e = newestFirst.get(k);
            sb.append("• `").append(time(e.getOccurredAt())).append("` ").append(withMentions(e.getText()));
            if (e.getLink() != null) {
                sb.append(" <")
                        .append(e.getLink().replace("|", "%7C").replace(">", "%3E"))
                        .append("|link>");
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** Escaped text in which user mentions ({@code <@U123>}) still show as names; nothing else links or pings. */
    static String withMentions(String text) {
        return SlackMrkdwn.escapeKeepingMentions(text);
    }

    static String person(String holder) {
        if (holder == null || holder.isBlank()) {
            return "—";
        }
        if (CommandText.isUserId(holder)) {
            return SlackMrkdwn.mention(holder);
        }
        return CommandText.isMention(holder) ? holder : SlackMrkdwn.escape(holder);
    }

    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }
}
