package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Rfc3339TimesTest {

    @Test
    void parsesWhatAlertmanagerSendsExactlyAsInstantParse() {
        for (String s : new String[] {
            "2026-11-28T07:09:00Z",
            "2026-11-28T07:09:00.1Z",
            "2026-11-28T07:09:00.123Z",
            "2026-11-28T07:09:00.123456789Z",
            "2026-11-28T09:09:00.5+02:00",
            "2026-11-28T01:09:00-06:30",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00Z",
            "2026-01-01T00:30:00+01:00",
            "1970-01-01T00:00:00Z"
        }) {
            assertThat(Rfc3339Times.fast(s)).as(s).isNotNull().isEqualTo(Instant.parse(s));
            assertThat(Rfc3339Times.parse(s)).isEqualTo(Instant.parse(s));
        }
    }

    @Test
    void leavesEverythingElseToInstantParse() {
        // Not of the common shape: the JDK parser decides (it accepts some, refuses others) and throws the same.
        for (String s : new String[] {
            "2026-11-28T07:09:00z",
            "2026-11-28t07:09:00Z",
            "2026-11-28T23:59:60Z",
            "2026-11-28T07:09:00+18:00",
            "2026-11-28T07:09:00.1234567891Z",
            "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-28T24:00:00Z",
            "2026-11-28T07:09:00.Z",
            "2026-11-28T07:09:00",
            "2026-11-28 07:09:00Z",
            "+12026-11-28T07:09:00Z",
            "2026-11-28T07:09:00+0200",
            "not a time",
            "2026-11-28T07:09:00+02:60",
            "2026-1a-28T07:09:00Z"
        }) {
            assertThat(Rfc3339Times.fast(s)).as(s).isNull();
            assertSameAsJdk(s);
        }
    }

    @Test
    void agreesWithInstantParseOnRandomTimes() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L);
            Instant t = Instant.ofEpochSecond(seconds, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            String s = t.toString();
            if (random.nextBoolean()) {
                int offset = (random.nextInt(35) - 17) * 3600 + random.nextInt(2) * 1800;
                s = t.atOffset(java.time.ZoneOffset.ofTotalSeconds(offset)).toString();
            }
            assertSameAsJdk(s);
            if (Rfc3339Times.fast(s) != null) {
                assertThat(Rfc3339Times.fast(s)).as(s).isEqualTo(t);
            }
        }
    }

    private static void assertSameAsJdk(String s) {
        Instant expected;
        try {
            expected = Instant.parse(s);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> Rfc3339Times.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Rfc3339Times.parse(s)).as(s).isEqualTo(expected);
    }
}
