package dev.firebreak.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline replay as a user runs it: the jar's {@code replay} command, its report, --diff and --expect. */
class ReplayCliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run replay(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "replay";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = ReplayCli.run(
                all,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path resource(String name) {
        try {
            return Path.of(ReplayCliTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixtures as a hand-made capture: pretty-printed Alertmanager payloads, one after the other. */
    Path fixturesCapture() throws IOException {
        Path capture = dir.resolve("fixtures.json");
        StringBuilder all = new StringBuilder();
        for (String f : ReplayParity.FIXTURES) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/alertmanager/" + f)) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .append('\n');
            }
        }
        Files.writeString(capture, all);
        return capture;
    }

    @Test
    void reportsIncidentsPagesChannelsAndRunbooks() throws IOException {
        Run run = replay(
                fixturesCapture().toString(),
                "--config",
                resource("replay/paging.yml").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("INC-1  [SEV2] Checkout 5xx ratio above 5%")
                .contains("group    {}:{alertname=\"HighErrorRate\", cluster=\"prod-eu-1\", service=\"checkout\"}")
                .contains("page     default (escalation policy PDEF456)")
                .contains("channel  #inc-1-checkout-5xx-ratio-above-5")
                .contains("runbook  high-error-rate-after-deploy (offered on the card)")
                .contains("page     none")
                .contains("page     storage (escalation policy PSTO789)");
    }

    @Test
    void diffShowsWhatAConfigurationChangeDoes() throws IOException {
        Run run = replay(
                fixturesCapture().toString(),
                "--config",
                resource("replay/paging.yml").toString(),
                "--diff",
                resource("replay/paging-warning-is-sev2.yml").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("pages                4 -> 6     (+2)")
                .contains(
                        "~ incident opened 2026-11-28T04:57:42Z for {}/{scenario=\"bearer\"}:{alertname=\"DiskFull\"}:"
                                + " severity SEV3 -> SEV2")
                .contains(
                        "{}/{scenario=\"bearer\"}:{alertname=\"DiskFull\"}: page none -> default (escalation policy PDEF456)");
        Run same = replay(
                fixturesCapture().toString(),
                "--config",
                resource("replay/paging.yml").toString(),
                "--diff",
                resource("replay/paging.yml").toString());
        assertThat(same.out()).contains("no differences in incidents, pages or runbooks");
    }

    @Test
    void aStormThresholdChangeShowsInTheDiff() {
        Run run = replay(
                resource("replay/storm-ha-truncated.ndjson").toString(),
                "--config",
                resource("replay/default.yml").toString(),
                "--diff",
                resource("replay/storm-threshold-20.yml").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("1 storm incidents)")
                .containsPattern("STORM  \\[SEV[23]\\] Alert storm since")
                .contains("storm incidents      1 -> 0     (-1)")
                .containsPattern("(?m)^- storm incident opened .* for .*: \\[SEV[23]\\] Alert storm since")
                .containsPattern("(?m)^\\+ incident opened .*: \\[SEV[23]\\] Node down in c");
    }

    @Test
    void expectTurnsTheReplayIntoATest() throws IOException {
        Path capture = fixturesCapture();
        Run json = replay(
                capture.toString(), "--config", resource("replay/paging.yml").toString(), "--json");
        assertThat(json.code()).isZero();
        Path expected = dir.resolve("expected.json");
        Files.writeString(expected, json.out());

        Run same = replay(
                capture.toString(),
                "--config",
                resource("replay/paging.yml").toString(),
                "--expect",
                expected.toString());
        assertThat(same.code()).as(same.out()).isZero();
        assertThat(same.out()).contains("As expected");

        Run changed = replay(
                capture.toString(),
                "--config",
                resource("replay/paging-warning-is-sev2.yml").toString(),
                "--expect",
                expected.toString());
        assertThat(changed.code()).isEqualTo(1);
        assertThat(changed.out()).contains("DIFFERS from").contains("severity SEV3 -> SEV2");
    }

    @Test
    void badUsageAndUnreadableInputExitWithTwo() throws IOException {
        assertThat(replay().code()).isEqualTo(2);
        assertThat(replay(fixturesCapture().toString()).code()).isEqualTo(2);
        Path garbage = dir.resolve("garbage.ndjson");
        Files.writeString(garbage, "{\"hello\": 1}\n");
        Run run = replay(
                garbage.toString(), "--config", resource("replay/default.yml").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("neither a recording nor an Alertmanager payload");
        Run missing = replay(
                fixturesCapture().toString(),
                "--config",
                dir.resolve("nope.yml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Cannot read the configuration");
    }
}
