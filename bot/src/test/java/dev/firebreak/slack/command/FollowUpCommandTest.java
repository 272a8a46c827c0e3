package dev.firebreak.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.TestClock;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntry;
import dev.firebreak.timeline.TimelineKinds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.outbox.enabled=false"
        })
@Import(TestClock.class)
class FollowUpCommandTest {

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Timeline timeline;

    @Autowired
    List<IncidentSubcommand> subcommands;

    IncidentSubcommand followup() {
        return subcommands.stream()
                .filter(c -> c.name().equals("followup"))
                .findFirst()
                .orElseThrow();
    }

    SlackCommandContext context(Incident incident, String args) {
        return new SlackCommandContext("U42", "dana", "C1", "T1", args, incident, null, null);
    }

    @Test
    void recordsAnActionItemWithTheFirstMentionAsOwner() throws Exception {
        Incident incident = incidents.open(
                NewIncident.declared("Disk full", null, Severity.SEV3, IncidentSource.SLACK),
                Actor.slack("U42", "dana"));
        SlackReply reply =
                followup().run(context(incident, "  Add disk alerts <@U123|carol> with <@W456> <!channel> "));
        assertThat(reply.inChannel()).isTrue();
        assertThat(reply.text())
                .contains(incident.reference(), "owner: <@U123>", "&lt;!channel&gt;")
                .doesNotContain("<!channel>");

        List<TimelineEntry> followUps = timeline.of(incident.getId()).stream()
                .filter(e -> e.getKind().equals(TimelineKinds.FOLLOW_UP))
                .toList();
        assertThat(followUps).hasSize(1);
        TimelineEntry e = followUps.get(0);
        assertThat(e.getText()).isEqualTo("Add disk alerts @carol with @W456 <!channel>");
        assertThat(e.getData()).isEqualTo("{\"owner\":\"U123\",\"ownerName\":\"carol\"}");
        assertThat(e.getActor()).isEqualTo("dana");
        assertThat(e.getActorRef()).isEqualTo("slack:U42");
    }

    @Test
    void withoutTextItAnswersWithUsageAndRecordsNothing() throws Exception {
        Incident incident = incidents.open(
                NewIncident.declared("CPU", null, Severity.SEV4, IncidentSource.SLACK), Actor.slack("U42", "dana"));
        long before = timeline.of(incident.getId()).size();
        SlackReply reply = followup().run(context(incident, "   "));
        assertThat(reply.inChannel()).isFalse();
        assertThat(reply.text()).contains("/incident followup <text> [@owner]");
        assertThat(timeline.of(incident.getId())).hasSize((int) before);
    }

    @Test
    void parsesMentionsWithoutNames() {
        FollowUpCommand.FollowUp f = FollowUpCommand.parse("fix it <@U9>");
        assertThat(f.text()).isEqualTo("fix it @U9");
        assertThat(f.ownerId()).isEqualTo("U9");
        assertThat(FollowUpCommand.parse("no owner").json()).isEqualTo("{}");
    }
}
