package dev.firebreak.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Incident;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import java.util.List;
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
        String help = CommandViews.help(List.of(new Sub("resolve", "resolve [summary]", "Resolve it"),
                new Sub("ack", "ack [INC-n]", "Acknowledge")));
        assertThat(help).contains("`/incident ack [INC-n]` — Acknowledge").contains("`/incident resolve [summary]` — Resolve it")
                .contains("/incident help");
        assertThat(help.indexOf("/incident ack")).isLessThan(help.indexOf("/incident resolve"));
        assertThat(CommandViews.unknown("<!channel>", List.of())).contains("`&lt;!channel&gt;`").doesNotContain("<!channel>");
    }

    @Test
    void mentionsSurviveEscapingButNothingElseLinks() {
        assertThat(CommandViews.withMentions("Commander: <@U2> says <!here> & <http://x|y>"))
                .isEqualTo("Commander: <@U2> says &lt;!here&gt; &amp; &lt;http://x|y&gt;");
        assertThat(CommandViews.person(null)).isEqualTo("—");
        assertThat(CommandViews.person("<@U9>")).isEqualTo("<@U9>");
        assertThat(CommandViews.person("<!channel>")).isEqualTo("&lt;!channel&gt;");
    }

    @Test
    void emptyListSaysSo() {
        assertThat(CommandViews.list(List.<Incident>of())).contains("No open incidents");
    }
}
