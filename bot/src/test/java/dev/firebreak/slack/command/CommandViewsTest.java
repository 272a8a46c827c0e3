package dev.firebreak.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.IncidentView;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandViewsTest {

    record Sub(String name, String usage, String help) implements IncidentSubcommand {
        @Override
        public SlackReply run(SlackCommandContext context) {
            return SlackReply.none();
        }
    }

    @Test
    void helpListsEverySubcommandSortedWithUsage() {
        String help = CommandViews.help(List.of(
                new Sub("resolve", "resolve [summary]", "Resolve it"), new Sub("ack", "ack [INC-n]", "Acknowledge")));
        assertThat(help)
                .contains("`/incident ack [INC-n]` — Acknowledge")
                .contains("`/incident resolve [summary]` — Resolve it")
                .contains("/incident help");
        assertThat(help.indexOf("/incident ack")).isLessThan(help.indexOf("/incident resolve"));
        assertThat(CommandViews.unknown("<!channel>", List.of()))
                .contains("`&lt;!channel&gt;`")
                .doesNotContain("<!channel>");
    }

    @Test
    void mentionsSurviveEscapingButNothingElseLinks() {
        assertThat(CommandViews.withMentions("Commander: <@U2> says <!here> & <http://x|y>"))
                .isEqualTo("Commander: <@U2> says &lt;!here&gt; &amp; &lt;http://x|y&gt;");
        assertThat(CommandViews.person(null)).isEqualTo("—");
        assertThat(CommandViews.person("<@U9>")).isEqualTo("<@U9>");
        assertThat(CommandViews.person("<!channel>")).isEqualTo("&lt;!channel&gt;");
    }

    static IncidentView incident(long n, String title, IncidentStatus status, String channel) {
        Instant opened = Instant.parse("2026-03-01T10:00:00Z");
        Instant resolved = status == IncidentStatus.RESOLVED ? Instant.parse("2026-03-01T11:00:00Z") : null;
        return new IncidentView(
                UUID.randomUUID(),
                n,
                "INC-" + n,
                title,
                status == IncidentStatus.RESOLVED ? "rolled back <!here>" : null,
                Severity.SEV2,
                status,
                "api",
                0,
                0,
                0,
                Map.of(),
                null,
                null,
                null,
                null,
                "<@U1>",
                "bob <b>",
                null,
                channel,
                channel == null ? null : "inc-" + n,
                null,
                opened,
                opened,
                status == IncidentStatus.TRIGGERED ? null : Instant.parse("2026-03-01T10:05:00Z"),
                null,
                resolved,
                opened,
                false);
    }

    @Test
    void statusSummary() {
        assertThat(CommandViews.status(incident(7, "Checkout <down>", IncidentStatus.ACKNOWLEDGED, "C7")))
                .isEqualTo("""
                *INC-7 · Checkout &lt;down&gt;*
                Status: *ACKNOWLEDGED* · Severity: *SEV2*
                Commander: <@U1> · Scribe: bob &lt;b&gt; · Comms: —
                Opened 2026-03-01 10:00 UTC · acknowledged 2026-03-01 10:05 UTC
                Channel: <#C7>""");
        assertThat(CommandViews.status(incident(8, "x", IncidentStatus.RESOLVED, null)))
                .contains("resolved 2026-03-01 11:00 UTC")
                .contains("Summary: rolled back &lt;!here&gt;")
                .doesNotContain("Channel:");
    }

    @Test
    void listShowsOpenIncidentsAndCapsTheLength() {
        assertThat(CommandViews.list(List.of())).contains("No open incidents");
        assertThat(CommandViews.list(List.of(
                        incident(2, "DB slow", IncidentStatus.TRIGGERED, "C2"),
                        incident(1, "API <5xx>", IncidentStatus.MITIGATED, null))))
                .isEqualTo("""
                *Open incidents (2)*
                • *INC-2* SEV2 TRIGGERED — DB slow <#C2>
                • *INC-1* SEV2 MITIGATED — API &lt;5xx&gt;""");
        List<IncidentView> many = java.util.stream.LongStream.rangeClosed(1, 25)
                .mapToObj(n -> incident(n, "t" + n, IncidentStatus.TRIGGERED, null))
                .toList();
        String text = CommandViews.list(many);
        assertThat(text)
                .startsWith("*Open incidents (25)*")
                .contains("INC-20")
                .doesNotContain("INC-21")
                .endsWith("…and 5 more");
    }
}
