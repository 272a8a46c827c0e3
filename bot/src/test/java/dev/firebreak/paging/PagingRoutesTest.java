package dev.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Severity;
import dev.firebreak.paging.PagerDutySettings.Match;
import dev.firebreak.paging.PagerDutySettings.Routing;
import dev.firebreak.paging.PagerDutySettings.Rule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingRoutesTest {

    static final Rule CHECKOUT =
            new Rule(null, new Match("checkout", null, Map.of()), "rk-checkout", "PCHECK1", null, List.of());
    static final Rule PAYMENTS_TEAM = new Rule(
            "payments",
            new Match(null, "payments", Map.of("env", "prod")),
            "rk-pay",
            "PPAY001",
            "PSVCPAY",
            List.of(Severity.SEV1));
    static final Rule DB = new Rule(
            null,
            new Match("db", null, Map.of()),
            null,
            "PDB0001",
            null,
            List.of(Severity.SEV1, Severity.SEV2, Severity.SEV3));

    PagingRoutes routes = new PagingRoutes(
            new Routing(
                    List.of(CHECKOUT, PAYMENTS_TEAM, DB),
                    "rk-default",
                    "PDEF001",
                    List.of(),
                    Map.of("storage", "PSTOR01")),
            "PSVCDEF");

    @Test
    void sev1AndSev2PageByDefaultSev3AndSev4DoNot() {
        assertThat(routes.route(Severity.SEV1, Map.of()))
                .get()
                .extracting(Route::routingKey)
                .isEqualTo("rk-default");
        assertThat(routes.route(Severity.SEV2, Map.of("service", "other")))
                .get()
                .extracting(Route::name)
                .isEqualTo("default");
        assertThat(routes.route(Severity.SEV3, Map.of())).isEmpty();
        assertThat(routes.route(Severity.SEV4, Map.of())).isEmpty();
    }

    @Test
    void serviceRuleWinsAndIsCaseInsensitive() {
        Route r = routes.route(Severity.SEV2, Map.of("service", "Checkout", "team", "payments"))
                .orElseThrow();
        assertThat(r.name()).isEqualTo("checkout");
        assertThat(r.routingKey()).isEqualTo("rk-checkout");
        assertThat(r.escalationPolicy()).isEqualTo("PCHECK1");
        assertThat(r.serviceId()).isEqualTo("PSVCDEF");
        assertThat(r.describe()).doesNotContain("rk-checkout");
    }

    @Test
    void ruleSeveritiesRestrictPagingWithoutFallingThroughToDefault() {
        Map<String, String> prodPayments = Map.of("team", "payments", "env", "prod");
        assertThat(routes.route(Severity.SEV1, prodPayments))
                .get()
                .extracting(Route::serviceId)
                .isEqualTo("PSVCPAY");
        assertThat(routes.route(Severity.SEV2, prodPayments)).isEmpty();
        // the extra label must match too: staging payments falls to the default route
        assertThat(routes.route(Severity.SEV2, Map.of("team", "payments", "env", "staging")))
                .get()
                .extracting(Route::name)
                .isEqualTo("default");
    }

    @Test
    void ruleMayPageSev3AndHaveOnlyAnEscalationPolicy() {
        Route r = routes.route(Severity.SEV3, Map.of("service", "db")).orElseThrow();
        assertThat(r.hasRoutingKey()).isFalse();
        assertThat(r.escalationPolicy()).isEqualTo("PDB0001");
        assertThat(routes.route(Severity.SEV4, Map.of("service", "db"))).isEmpty();
    }

    @Test
    void noRoutingConfiguredMeansNoPage() {
        PagingRoutes none = new PagingRoutes(new Routing(List.of(), null, null, List.of(), Map.of()), null);
        assertThat(none.route(Severity.SEV1, Map.of("service", "checkout"))).isEmpty();
    }

    @Test
    void teamNamesMapToPolicies() {
        assertThat(routes.forTeam("payments"))
                .get()
                .extracting(Route::escalationPolicy)
                .isEqualTo("PPAY001");
        assertThat(routes.forTeam("checkout"))
                .get()
                .extracting(Route::escalationPolicy)
                .isEqualTo("PCHECK1");
        assertThat(routes.forTeam("STORAGE"))
                .get()
                .extracting(Route::escalationPolicy)
                .isEqualTo("PSTOR01");
        assertThat(routes.forTeam("PXYZ123"))
                .get()
                .extracting(Route::escalationPolicy)
                .isEqualTo("PXYZ123");
        assertThat(routes.forTeam("nobody")).isEmpty();
        assertThat(routes.policies())
                .containsExactly(
                        Map.entry("PCHECK1", "checkout"),
                        Map.entry("PPAY001", "payments"),
                        Map.entry("PDB0001", "db"),
                        Map.entry("PSTOR01", "storage"),
                        Map.entry("PDEF001", "default"));
    }
}
