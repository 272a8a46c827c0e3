package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alerting.WebhookClient.Answer;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.timeline.TimelineKinds;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.incidents.auto-resolve=false"
        })
class AutoResolveOffTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void allResolvedMarksTheIncidentMitigatedAndARepeatChangesNothing() {
        WebhookClient client = new WebhookClient(port);
        IntakeQueries db = new IntakeQueries(jdbc);
        UUID id = UUID.fromString(client.post(IntakeQueries.withGroupKey("firing-two-pods.json", "off"))
                .json()
                .get("incidentId")
                .stringValue());
        Answer resolved = client.post(IntakeQueries.withGroupKey("group-resolved.json", "off"));
        assertThat(resolved.json().get("outcome").stringValue()).isEqualTo("RESOLVED");
        assertThat(db.status(id)).isEqualTo("MITIGATED");
        assertThat(db.timelineKinds(id)).containsOnlyOnce(TimelineKinds.AUTO_RESOLVED);

        Answer again = client.post(IntakeQueries.withGroupKey("group-resolved.json", "off"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").stringValue()).isEqualTo("UPDATED");
        assertThat(db.status(id)).isEqualTo("MITIGATED");
        assertThat(db.timelineKinds(id)).containsOnlyOnce(TimelineKinds.AUTO_RESOLVED);
        assertThat(db.duplicateTimelineEntries(id)).isZero();
    }
}
