package dev.firebreak.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alerting.AlertmanagerSettings;
import dev.firebreak.alerting.WatchdogSettings;
import dev.firebreak.incident.Severity;
import dev.firebreak.paging.PagerDutySettings;
import dev.firebreak.runbook.KubernetesSettings;
import dev.firebreak.runbook.PrometheusSettings;
import dev.firebreak.runbook.RunbookSettings;
import dev.firebreak.slack.SlackSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Settings records are logged and shown in errors: their secrets never appear in {@code toString}. */
class SettingsSecretsTest {

    @Test
    void noSettingsRecordPrintsASecret() {
        String slack = new SlackSettings(
                        "xoxb-SECRET1",
                        "SECRET2",
                        "xapp-SECRET3",
                        "https://slack.com/api/",
                        null,
                        "inc",
                        false,
                        List.of(),
                        null,
                        Duration.ofSeconds(1))
                .toString();
        String alertmanager = new AlertmanagerSettings(
                        "SECRET4", "am", "SECRET5", DataSize.ofMegabytes(5), Map.of(), Severity.SEV4)
                .toString();
        PagerDutySettings.Routing routing = new PagerDutySettings.Routing(
                List.of(new PagerDutySettings.Rule("db", null, "SECRET6", "PEP1", null, List.of())),
                "SECRET7",
                null,
                List.of(),
                Map.of());
        String pagerDuty = new PagerDutySettings(
                        "SECRET8",
                        "bot@example.com",
                        "https://api.pagerduty.com",
                        "https://events.pagerduty.com",
                        "SECRET9",
                        null,
                        null,
                        1,
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(10),
                        1,
                        routing)
                .toString();
        String api = new ApiSettings("SECRET10", "api").toString();
        String watchdog = new WatchdogSettings(
                        true, Map.of(), Duration.ofMinutes(10), Duration.ofSeconds(30), "SECRET11")
                .toString();

        for (String shown : List.of(slack, alertmanager, pagerDuty, api, watchdog)) {
            assertThat(shown).doesNotContain("SECRET").contains("<redacted>");
        }
        assertThat(pagerDuty).contains("bot@example.com").contains("PEP1");
        assertThat(slack).contains("https://slack.com/api/");
        assertThat(watchdog).contains("alertname=Watchdog", "PT10M");
    }

    @Test
    void runbookSettingsHideTokensSecretValuesAndUrlCredentials() {
        String kubernetes = new KubernetesSettings(
                        "https://admin:SECRET11@k8s.example.com:6443", "SECRET12", "/ca.crt", false)
                .toString();
        String prometheus = new PrometheusSettings("https://prom:SECRET13@prometheus.example.com/").toString();
        String runbooks = new RunbookSettings(
                        "",
                        true,
                        null,
                        Map.of("db-password", "SECRET14"),
                        true,
                        Duration.ofMillis(250),
                        4,
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5),
                        Duration.ofHours(1))
                .toString();

        for (String shown : List.of(kubernetes, prometheus, runbooks)) {
            assertThat(shown).doesNotContain("SECRET");
        }
        assertThat(kubernetes)
                .contains("https://<redacted>@k8s.example.com:6443")
                .contains("token=<redacted>");
        assertThat(prometheus).contains("https://<redacted>@prometheus.example.com/");
        assertThat(runbooks).contains("db-password");
        assertThat(new PrometheusSettings("http://prometheus:9090").toString()).contains("http://prometheus:9090");
        assertThat(Secrets.redactUrl(null)).isNull();
    }
}
