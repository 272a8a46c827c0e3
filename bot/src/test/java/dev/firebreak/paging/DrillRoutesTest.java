package dev.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Severity;
import dev.firebreak.paging.PagerDutySettings.Routing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drill pages (issue 14) go to the drill routing key only, and are found again by their route name. */
class DrillRoutesTest {

    static final Routing ROUTING =
            new Routing(List.of(), "rk-real-default", "PDEF456", List.of(Severity.SEV1, Severity.SEV2), Map.of());

    @Test
    void withoutADrillRoutingKeyDrillsPageNobody() {
        PagingRoutes routes = new PagingRoutes(ROUTING, null).withDrillRoutingKey("  ");
        assertThat(routes.forDrill()).isEmpty();
        assertThat(routes.named(PagingRoutes.DRILL)).isEmpty();
        assertThat(routes.route(Severity.SEV1, Map.of()))
                .hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("default"));
    }

    @Test
    void withADrillRoutingKeyDrillsPageOnlyThere() {
        PagingRoutes routes = new PagingRoutes(ROUTING, "PSVC1").withDrillRoutingKey("rk-drill");
        assertThat(routes.forDrill()).hasValueSatisfying(r -> {
            assertThat(r.name()).isEqualTo("drill");
            assertThat(r.routingKey()).isEqualTo("rk-drill");
            assertThat(r.hasEscalationPolicy())
                    .as("no on-call of a real team is invited")
                    .isFalse();
        });
        assertThat(routes.named("drill")).isEqualTo(routes.forDrill());
        assertThat(routes.named("default"))
                .hasValueSatisfying(r -> assertThat(r.routingKey()).isEqualTo("rk-real-default"));
    }
}
