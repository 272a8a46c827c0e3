package dev.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.integrations.pagerduty.OnCall;
import dev.firebreak.integrations.pagerduty.Reference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnCallMessageTest {

    static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    static final Reference POLICY = new Reference("PCHECK1", "Checkout");

    static OnCall onCall(String name, String email, int level, String start, String end) {
        return new OnCall(
                "P" + name,
                name,
                email,
                level,
                POLICY,
                null,
                start == null ? null : Instant.parse(start),
                end == null ? null : Instant.parse(end));
    }

    @Test
    void nowAndNextPerLevelWithMentionsAndNameFallback() {
        List<OnCall> entries = List.of(
                onCall("Ann", "ann@example.com", 1, "2026-11-28T00:00:00Z", "2026-11-29T00:00:00Z"),
                onCall("Ben <admin>", "ben@example.com", 1, "2026-11-29T00:00:00Z", "2026-11-30T00:00:00Z"),
                onCall("Dan", "dan@example.com", 1, "2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z"),
                onCall("Cat", "Cat@Example.com", 2, null, null),
                onCall("Old", "old@example.com", 1, "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z"),
                new OnCall("PX", "Other", "x@example.com", 1, new Reference("POTHER1", "Other"), null, null, null));
        OnCallView view = OnCallLookup.view("PCHECK1", "checkout", entries, NOW);
        assertThat(view.levels()).extracting(OnCallView.Level::level).containsExactly(1, 2);
        assertThat(view.levels().get(0).now())
                .extracting(OnCallView.Person::name)
                .containsExactly("Ann");
        assertThat(view.levels().get(0).next())
                .extracting(OnCallView.Person::name)
                .containsExactly("Ben <admin>");
        assertThat(view.levels().get(1).next()).isEmpty();

        String text = OnCallMessage.render(List.of(view), Map.of("ann@example.com", "UANN", "cat@example.com", "UCAT"));
        assertThat(text).isEqualTo("""
                *On call: checkout* (escalation policy PCHECK1)
                • Level 1: now <@UANN> · next Ben &lt;admin&gt; from <!date^1795910400^{date_short_pretty} {time}|Sun 29 Nov 00:00 UTC>
                • Level 2: now <@UCAT>""");
    }

    @Test
    void emptyLevelsAndNoPolicies() {
        OnCallView nobody = new OnCallView(
                "PEMPTY1",
                "PEMPTY1",
                List.of(new OnCallView.Level(
                        1,
                        List.of(),
                        List.of(new OnCallView.Person("Eve", null)),
                        Instant.parse("2026-11-28T08:00:00Z"))));
        assertThat(OnCallMessage.render(List.of(nobody), Map.of())).isEqualTo("""
                *On call: PEMPTY1*
                • Level 1: now nobody · next Eve from <!date^1795852800^{date_short_pretty} {time}|Sat 28 Nov 08:00 UTC>""");
        assertThat(OnCallMessage.render(List.of(new OnCallView("P1", "db", List.of())), Map.of()))
                .isEqualTo("*On call: db* (escalation policy P1)\nNobody is on call.");
        assertThat(OnCallMessage.render(List.of(), Map.of())).startsWith("No escalation policy to show");
    }
}
