package dev.firebreak.replay;

import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackMrkdwn;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.system.web.BadRequestException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code /incident drill start <capture> [speed]}, {@code /incident drill stop [<drill id>]},
 * {@code /incident drill list}: game days from Slack, with the captures in {@code firebreak.drills.path}.
 */
@Component
class DrillSubcommand implements IncidentSubcommand {

    private final Drills drills;

    DrillSubcommand(Drills drills) {
        this.drills = drills;
    }

    @Override
    public String name() {
        return "drill";
    }

    @Override
    public String usage() {
        return "drill start <capture> [speed] | drill stop [<drill id>] | drill list";
    }

    @Override
    public String help() {
        return "play a recorded alert storm as DRILL incidents (nobody is paged), or stop it";
    }

    @Override
    public boolean needsIncident() {
        return false;
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        String[] words =
                context.args() == null ? new String[0] : context.args().strip().split("\\s+");
        String verb = words.length == 0 ? "" : words[0].toLowerCase(java.util.Locale.ROOT);
        try {
            return switch (verb) {
                case "start" -> start(context, words);
                case "stop" -> stop(context, words);
                case "list", "" -> list();
                default -> SlackReply.ephemeral("Usage: `/incident " + usage() + "`");
            };
        } catch (BadRequestException e) {
            return SlackReply.ephemeral(SlackMrkdwn.escape(e.getMessage()));
        }
    }

    private SlackReply start(SlackCommandContext context, String[] words) {
        if (words.length < 2) {
            return SlackReply.ephemeral("Usage: `/incident drill start <capture> [speed]`. Captures: " + names());
        }
        double speed = 1;
        if (words.length > 2) {
            try {
                speed = Double.parseDouble(words[2].replace("x", ""));
            } catch (NumberFormatException e) {
                return SlackReply.ephemeral("Speed must be a number, e.g. `60` (one hour of alerts in a minute)");
            }
        }
        Drills.DrillView d = drills.startNamed(words[1], speed, context.actor());
        return SlackReply.inChannel(":construction: Drill *" + SlackMrkdwn.escape(d.name()) + "* started by <@"
                + context.userId() + ">: " + d.notifications() + " notifications at " + fmt(d.speed())
                + "x. Its incidents are DRILL-<n> in `#drill-…` channels; nobody is paged. Stop it with `/incident drill stop "
                + d.id() + "`.");
    }

    private SlackReply stop(SlackCommandContext context, String[] words) {
        List<UUID> running = drills.running();
        UUID id;
        if (words.length > 1) {
            try {
                id = UUID.fromString(words[1]);
            } catch (IllegalArgumentException e) {
                return SlackReply.ephemeral("That is not a drill id.");
            }
        } else if (running.size() == 1) {
            id = running.get(0);
        } else {
            return SlackReply.ephemeral(
                    running.isEmpty() ? "No drill is running." : "Several drills are running; name one: " + running);
        }
        Drills.DrillView d = drills.stop(id, context.actor());
        return SlackReply.inChannel(":checkered_flag: Drill *" + SlackMrkdwn.escape(d.name()) + "* stopped by <@"
                + context.userId() + ">: " + d.played() + " of " + d.notifications() + " notifications played; "
                + (d.incidents().isEmpty() ? "no incidents." : "resolved " + String.join(", ", d.incidents()) + "."));
    }

    private SlackReply list() {
        List<UUID> running = drills.running();
        StringBuilder out = new StringBuilder("Captures: " + names());
        for (UUID id : running) {
            drills.get(id)
                    .ifPresent(d -> out.append("\n• running: *")
                            .append(SlackMrkdwn.escape(d.name()))
                            .append("* `")
                            .append(d.id())
                            .append("` ")
                            .append(d.played())
                            .append('/')
                            .append(d.notifications())
                            .append(" played"));
        }
        return SlackReply.ephemeral(out.toString());
    }

    private String names() {
        List<String> names = drills.captures();
        return names.isEmpty() ? "none (set firebreak.drills.path)" : "`" + String.join("`, `", names) + "`";
    }

    private static String fmt(double speed) {
        return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
    }
}
