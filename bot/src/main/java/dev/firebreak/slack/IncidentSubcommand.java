package dev.firebreak.slack;

/**
 * One {@code /incident <name> ...} subcommand. Every Spring bean implementing this is registered with the
 * {@code /incident} dispatcher, which acknowledges Slack within 3 s, resolves the incident (from the channel,
 * or an {@code INC-n} argument) when {@link #needsIncident()}, runs {@link #run} afterwards and posts the
 * reply through the {@code response_url}. Exceptions become a short ephemeral error, never a stack trace.
 */
public interface IncidentSubcommand {

    /** The word after {@code /incident}, lowercase, e.g. {@code "ack"}. */
    String name();

    /** e.g. {@code "followup <text> [@owner]"}. */
    String usage();

    /** One line for {@code /incident help}. */
    String help();

    /** Whether the command acts on one incident (the dispatcher resolves it or answers with an error). */
    default boolean needsIncident() {
        return true;
    }

    SlackReply run(SlackCommandContext context) throws Exception;
}
