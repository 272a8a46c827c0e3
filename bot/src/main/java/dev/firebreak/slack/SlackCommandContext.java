package dev.firebreak.slack;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;

/**
 * What a command handler gets: who ran it, where, the argument text after the subcommand (with an
 * {@code INC-n} incident argument already removed), and the incident when one was resolved (else null).
 */
public record SlackCommandContext(
        String userId,
        String userName,
        String channelId,
        String teamId,
        String args,
        Incident incident,
        String responseUrl,
        String triggerId) {

    public Actor actor() {
        return Actor.slack(userId, userName);
    }
}
