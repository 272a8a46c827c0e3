package dev.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The documented {@code firebreak.pagerduty.*} keys bind as documented (without starting the app). */
class PagerDutySettingsTest {

    static PagerDutySettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("firebreak.pagerduty", PagerDutySettings.class);
    }

    @Test
    void routingRulesBindFromFlatProperties() {
        PagerDutySettings settings = bind(Map.of(
                "firebreak.pagerduty.api-token", "tok",
                "firebreak.pagerduty.webhook-secret", "old, new,",
                "firebreak.pagerduty.routing.rules[0].match.service", "checkout",
                "firebreak.pagerduty.routing.rules[0].routing-key", "rk1",
                "firebreak.pagerduty.routing.rules[0].escalation-policy", "PABC123",
                "firebreak.pagerduty.routing.rules[0].severities", "SEV1,SEV2,SEV3",
                "firebreak.pagerduty.routing.rules[1].match.labels.env", "prod",
                "firebreak.pagerduty.routing.default-routing-key", "rk-default",
                "firebreak.pagerduty.routing.default-escalation-policy", "PDEF123",
                "firebreak.pagerduty.routing.teams.storage", "PSTO123"));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.apiUrl()).isEqualTo("https://api.pagerduty.com");
        assertThat(settings.eventsUrl()).isEqualTo("https://events.pagerduty.com");
        assertThat(settings.webhookSecrets()).containsExactly("old", "new");
        assertThat(settings.routing().rules()).hasSize(2);
        assertThat(settings.routing().rules().get(0).severities())
                .containsExactly(Severity.SEV1, Severity.SEV2, Severity.SEV3);
        assertThat(settings.routing().rules().get(1).match().labels()).containsEntry("env", "prod");
        assertThat(settings.routing().defaultSeverities()).containsExactly(Severity.SEV1, Severity.SEV2);
        PagingRoutes routes = PagingRoutes.of(settings);
        assertThat(routes.route(Severity.SEV3, Map.of("service", "checkout")))
                .get()
                .extracting(Route::escalationPolicy)
                .isEqualTo("PABC123");
        assertThat(routes.route(Severity.SEV3, Map.of("service", "cart"))).isEmpty();
        assertThat(routes.forTeam("storage"))
                .get()
                .extracting(Route::escalationPolicy)
                .isEqualTo("PSTO123");
    }

    @Test
    void pagingIsOffWithoutTokenAndRoutingKey() {
        PagerDutySettings none = bind(Map.of("firebreak.other", "x"));
        assertThat(none.enabled()).isFalse();
        assertThat(none.webhookSecrets()).isEmpty();
        assertThat(PagingRoutes.of(none).route(Severity.SEV1, Map.of())).isEmpty();
        PagerDutySettings onlyPolicy = bind(Map.of("firebreak.pagerduty.routing.default-escalation-policy", "P1"));
        assertThat(onlyPolicy.enabled()).isFalse();
        PagerDutySettings onlyKey = bind(Map.of("firebreak.pagerduty.routing.rules[0].routing-key", "rk"));
        assertThat(onlyKey.enabled()).isTrue();
    }
}
