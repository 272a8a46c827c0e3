package dev.firebreak.slack;

import dev.firebreak.incident.DrillSettings;
import dev.firebreak.slack.delivery.ChannelNames;

/** The channel name an incident gets (the one Slack delivery tries first), for the offline replay's report. */
public final class IncidentChannelNames {

    private IncidentChannelNames() {}

    public static String of(SlackSettings slack, DrillSettings drills, long number, String title) {
        return ChannelNames.of(slack.channelPrefix(), drills.channelPrefix(), number, title);
    }
}
