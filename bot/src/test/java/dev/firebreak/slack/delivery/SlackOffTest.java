package dev.firebreak.slack.delivery;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.IncidentStatusChanged;
import dev.firebreak.incident.IncidentUpdated;
import dev.firebreak.incident.RoleAssigned;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.SeverityChanged;
import dev.firebreak.slack.SlackSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without a bot token the listener touches neither the database nor the outbox (null collaborators). */
class SlackOffTest {

    @Test
    void noBotTokenEnqueuesNothing() {
        SlackSettings off = new SlackSettings(
                null,
                null,
                null,
                "https://slack.com/api/",
                "C1",
                "inc",
                false,
                List.of("U1"),
                Duration.ofHours(1),
                Duration.ofSeconds(1));
        SlackDeliveryListener listener = new SlackDeliveryListener(
                off, null, null, Clock.systemUTC(), dev.firebreak.incident.DrillSettings.defaults());
        IncidentOpened opened = new IncidentOpened(
                UUID.randomUUID(), 1, "t", Severity.SEV1, IncidentSource.API, Actor.api("x"), Instant.now(), false);
        UUID id = opened.incidentId();
        assertThatCode(() -> {
                    listener.on(opened);
                    listener.on(opened);
                    listener.on(new IncidentUpdated(id, "alerts", Instant.now()));
                    listener.on(new IncidentStatusChanged(
                            id,
                            IncidentStatus.TRIGGERED,
                            IncidentStatus.ACKNOWLEDGED,
                            Actor.api("x"),
                            null,
                            Instant.now()));
                    listener.on(new SeverityChanged(id, Severity.SEV1, Severity.SEV2, Actor.api("x"), Instant.now()));
                    listener.on(new RoleAssigned(
                            id, IncidentRole.COMMANDER, "slack:U1", null, Actor.api("x"), Instant.now()));
                    listener.on(new IncidentResolved(id, Actor.api("x"), null, Instant.now()));
                })
                .doesNotThrowAnyException();
    }
}
