package dev.firebreak.slack.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordSlackMessageTest {

    @Test
    void slackTimestampsKeepMicroseconds() {
        assertThat(RecordSlackMessage.instantOf("1714000000.123456"))
                .isEqualTo(Instant.ofEpochSecond(1714000000L, 123456000L));
        assertThat(RecordSlackMessage.instantOf("1714000000.000001"))
                .isEqualTo(Instant.ofEpochSecond(1714000000L, 1000L));
        assertThat(RecordSlackMessage.dedupKey("C1", "1.2")).isEqualTo("slack-msg:C1:1.2");
    }
}
