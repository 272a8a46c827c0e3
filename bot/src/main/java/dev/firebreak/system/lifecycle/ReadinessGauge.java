package dev.firebreak.system.lifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * {@code firebreak_ready}: 1 while this replica accepts traffic, 0 once it is shutting down (or not yet
 * started). The alert "no replica ready" sums it over all replicas (docs/alerts/firebreak-rules.yml).
 */
@Component
class ReadinessGauge {

    ReadinessGauge(ApplicationAvailability availability, MeterRegistry registry) {
        Gauge.builder(
                        "firebreak.ready",
                        availability,
                        a -> a.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? 1 : 0)
                .description("1 while this replica is ready to accept traffic, else 0")
                .register(registry);
    }
}
