/**
 * Slack: the one way the bot talks to Slack. Root (the API other modules use): {@code SlackApi} (every Web API call:
 * a slot of the shared rate budgets first ({@code SlackPacing}, settings {@code SlackPacingSettings}), outcomes,
 * metrics, cached bot identity), {@code SlackUsers}, {@code SlackInvites}, {@code SlackMrkdwn} (escaping, the user-mention pattern), extension
 * points {@code IncidentSubcommand}, {@code SlashCommand}, {@code BlockActionHandler}.
 *
 * <p>Internals: {@code bolt} (Bolt over Spring MVC, signatures, Socket Mode), {@code command} (one class per
 * {@code /incident} subcommand and button), {@code event} (Events API, pins to the timeline), {@code delivery}
 * (channel, card, announcement, summary, archive). Owns: the {@code slack_channel} and {@code slack_event} tables.
 */
package dev.firebreak.slack;
