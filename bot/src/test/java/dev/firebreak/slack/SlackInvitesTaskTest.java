package dev.firebreak.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.system.json.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The {@code slack.invite} payload reads its own shape and the former {@code pagerduty.slack-invite} one (V42). */
class SlackInvitesTaskTest {

    @Test
    void theFormerPagingPayloadBecomesAnInviteWithItsTimelineNote() {
        UUID id = UUID.randomUUID();
        SlackInvites.Task task = Json.mapper()
                .readValue(
                        "{\"incidentId\":\"" + id
                                + "\",\"userIds\":[\"U1\",\"U2\"],\"names\":[\"Jane Oncall\",\"Bob\"]}",
                        SlackInvites.Task.class);
        assertThat(task.incidentId()).isEqualTo(id);
        assertThat(task.users()).containsExactly("U1", "U2");
        assertThat(task.note()).isEqualTo("Invited on-call Jane Oncall, Bob into the channel");
    }

    @Test
    void theCurrentShapeRoundTrips() {
        SlackInvites.Task task = new SlackInvites.Task(UUID.randomUUID(), List.of("U3"), "Invited the commander");
        String json = Json.mapper().writeValueAsString(task);
        assertThat(json).doesNotContain("names");
        assertThat(Json.mapper().readValue(json, SlackInvites.Task.class)).isEqualTo(task);
        SlackInvites.Task defaults = new SlackInvites.Task(UUID.randomUUID(), null, null);
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(defaults), SlackInvites.Task.class))
                .isEqualTo(defaults);
    }
}
