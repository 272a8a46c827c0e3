package dev.firebreak.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Severity;
import org.junit.jupiter.api.Test;

class CommandTextTest {

    @Test
    void parsesNameIncidentReferenceAndArguments() {
        assertThat(CommandText.parse("ack")).isEqualTo(new CommandText.Parsed("ack", null, ""));
        assertThat(CommandText.parse("  ACK   inc-12 ")).isEqualTo(new CommandText.Parsed("ack", "INC-12", ""));
        assertThat(CommandText.parse("resolve INC-7 rolled back v42"))
                .isEqualTo(new CommandText.Parsed("resolve", "INC-7", "rolled back v42"));
        assertThat(CommandText.parse("note see INC-3 too"))
                .isEqualTo(new CommandText.Parsed("note", null, "see INC-3 too"));
        assertThat(CommandText.parse("")).isEqualTo(new CommandText.Parsed("help", null, ""));
        assertThat(CommandText.parse(null).name()).isEqualTo("help");
        assertThat(CommandText.parse("note a &lt;b&gt; &amp; c").args()).isEqualTo("a <b> & c");
    }

    @Test
    void declarationTakesATrailingSeverityWord() {
        assertThat(CommandText.declaration("Checkout down sev2", Severity.SEV3))
                .isEqualTo(new CommandText.Declaration("Checkout down", Severity.SEV2));
        assertThat(CommandText.declaration("Checkout down SEV1", Severity.SEV3).severity())
                .isEqualTo(Severity.SEV1);
        assertThat(CommandText.declaration("Checkout down", Severity.SEV3))
                .isEqualTo(new CommandText.Declaration("Checkout down", Severity.SEV3));
        assertThat(CommandText.declaration("Checkout down 2", Severity.SEV3).title())
                .isEqualTo("Checkout down 2");
        assertThat(CommandText.declaration("sev5 outage", Severity.SEV3).title())
                .isEqualTo("sev5 outage");
        assertThat(CommandText.declaration("sev2", Severity.SEV3))
                .isEqualTo(new CommandText.Declaration("", Severity.SEV2));
    }

    @Test
    void readsEscapedUserMentions() {
        assertThat(CommandText.user("<@U123ABC|alice>")).contains(new CommandText.UserRef("U123ABC", "alice"));
        assertThat(CommandText.user("please <@W42>")).contains(new CommandText.UserRef("W42", null));
        assertThat(CommandText.user("@alice")).isEmpty();
        assertThat(CommandText.user("<#C123|general>")).isEmpty();
        assertThat(CommandText.user("<@U1|alice>").orElseThrow().mention()).isEqualTo("<@U1>");
        assertThat(CommandText.isMention("<@U1>")).isTrue();
        assertThat(CommandText.isMention("<!channel>")).isFalse();
    }
}
