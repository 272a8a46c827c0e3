package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.alerting.StormBreaker.Action;
import dev.firebreak.alerting.StormBreaker.ActiveStorm;
import dev.firebreak.alerting.StormBreaker.Group;
import dev.firebreak.alerting.StormSettings.Exemption;
import dev.firebreak.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StormBreakerTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration W = Duration.ofMinutes(2);
    static final StormSettings TEN_IN_TWO = StormSettings.of(true, 10, W);
    static final Group WARNING = new Group(Severity.SEV3, Map.of("alertname", "PodDown", "team", "web"), "default");

    @Test
    void theTenthOpensItsOwnAndTheEleventhStartsAStorm() {
        assertThat(StormBreaker.decide(TEN_IN_TWO, NOW, 9, Optional.empty(), WARNING)
                        .action())
                .isEqualTo(Action.OPEN_OWN);
        var eleventh = StormBreaker.decide(TEN_IN_TWO, NOW, 10, Optional.empty(), WARNING);
        assertThat(eleventh.action()).isEqualTo(Action.START_STORM);
        assertThat(eleventh.reason()).contains("10 incidents", "threshold 10");
    }

    @Test
    void groupsAttachWhileAGroupJoinedWithinTheWindow() {
        var storm = Optional.of(new ActiveStorm(UUID.randomUUID(), NOW.minus(W).plusSeconds(1)));
        assertThat(StormBreaker.decide(TEN_IN_TWO, NOW, 0, storm, WARNING).action())
                .isEqualTo(Action.ATTACH);
    }

    @Test
    void aStormEndsAfterTheWindowOfQuiet() {
        var storm = Optional.of(new ActiveStorm(UUID.randomUUID(), NOW.minus(W)));
        assertThat(StormBreaker.decide(TEN_IN_TWO, NOW, 3, storm, WARNING).action())
                .isEqualTo(Action.OPEN_OWN);
        // still busy after it ended: a new storm (a new incident) starts
        assertThat(StormBreaker.decide(TEN_IN_TWO, NOW, 10, storm, WARNING).action())
                .isEqualTo(Action.START_STORM);
    }

    @Test
    void offSwitch() {
        var off = StormSettings.of(false, 10, W);
        var storm = Optional.of(new ActiveStorm(UUID.randomUUID(), NOW));
        var d = StormBreaker.decide(off, NOW, 500, storm, WARNING);
        assertThat(d.action()).isEqualTo(Action.OPEN_OWN);
        assertThat(d.reason()).contains("off");
    }

    @Test
    void exemptionsBySeverityReceiverAndLabels() {
        var settings = new StormSettings(
                true,
                10,
                W,
                List.of(
                        Exemption.severities(Severity.SEV1),
                        Exemption.receivers("payments-pager"),
                        Exemption.matchers("team=\"db\"", "alertname=~\"Disk.*\"")));
        var storm = Optional.of(new ActiveStorm(UUID.randomUUID(), NOW));
        assertThat(StormBreaker.decide(settings, NOW, 50, storm, new Group(Severity.SEV1, Map.of(), "x"))
                        .reason())
                .contains("severity in [SEV1]");
        assertThat(StormBreaker.decide(settings, NOW, 50, storm, new Group(Severity.SEV3, Map.of(), "payments-pager"))
                        .action())
                .isEqualTo(Action.OPEN_OWN);
        assertThat(StormBreaker.decide(
                                settings,
                                NOW,
                                50,
                                storm,
                                new Group(Severity.SEV3, Map.of("team", "db", "alertname", "DiskFull"), "x"))
                        .action())
                .isEqualTo(Action.OPEN_OWN);
        // every matcher of a rule must hold; regexes are anchored
        assertThat(StormBreaker.decide(
                                settings,
                                NOW,
                                50,
                                storm,
                                new Group(Severity.SEV3, Map.of("team", "db", "alertname", "HighDiskLatency"), "x"))
                        .action())
                .isEqualTo(Action.ATTACH);
        assertThat(StormBreaker.decide(settings, NOW, 50, storm, WARNING).action())
                .isEqualTo(Action.ATTACH);
    }

    @Test
    void negativeMatchersAndMissingLabels() {
        var settings =
                new StormSettings(true, 1, W, List.of(Exemption.matchers("env!=\"staging\"", "team!~\"web|api\"")));
        assertThat(StormBreaker.exemption(settings, new Group(Severity.SEV4, Map.of("team", "db"), null)))
                .isPresent();
        assertThat(StormBreaker.exemption(settings, new Group(Severity.SEV4, Map.of("team", "web"), null)))
                .isEmpty();
        assertThat(StormBreaker.exemption(settings, new Group(Severity.SEV4, Map.of("env", "staging"), null)))
                .isEmpty();
    }

    @Test
    void badSettingsFailAtStartUp() {
        assertThatThrownBy(() -> StormSettings.of(true, 0, W)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> StormSettings.of(true, 5, Duration.ZERO)).hasMessageContaining("window");
        assertThatThrownBy(() -> Exemption.matchers("team")).hasMessageContaining("not a label matcher");
        assertThatThrownBy(() -> Exemption.matchers("team=~\"(\"")).hasMessageContaining("bad regex");
        assertThat(new Exemption(null, null, null).matches(Severity.SEV1, Map.of(), "r"))
                .isFalse();
    }

    @Test
    void windowsReadAsPeopleWriteThem() {
        assertThat(StormBreaker.human(Duration.ofMinutes(2))).isEqualTo("2 min");
        assertThat(StormBreaker.human(Duration.ofHours(1))).isEqualTo("1 h");
        assertThat(StormBreaker.human(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(StormBreaker.decide(TEN_IN_TWO, NOW, 3, Optional.empty(), WARNING)
                        .reason())
                .isEqualTo("3 of 10 incidents opened within 2 min");
    }

    @Test
    void countInWindowForSimulators() {
        var openings = List.of(NOW.minus(W), NOW.minus(W).plusMillis(1), NOW.minusSeconds(5), NOW, NOW.plusSeconds(1));
        assertThat(StormBreaker.countInWindow(TEN_IN_TWO, NOW, openings)).isEqualTo(3);
    }
}
