package dev.firebreak.paging;

import dev.firebreak.incident.DrillSettings;
import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the PagerDuty client and the routing from {@link PagerDutySettings}. */
@Configuration(proxyBeanMethods = false)
class PagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PagingConfiguration.class);

    @Bean
    PagingRoutes pagingRoutes(PagerDutySettings settings, DrillSettings drills) {
        return PagingRoutes.of(settings).withDrillRoutingKey(drills.routingKey());
    }

    /** Always present (no network until used); listeners check {@link PagerDutySettings#enabled()}. */
    @Bean(destroyMethod = "close")
    PagerDutyClient pagerDutyClient(PagerDutySettings settings, Clock clock, MeterRegistry meters) {
        if (!settings.enabled()) {
            log.info("PagerDuty paging is off: no firebreak.pagerduty.api-token and no routing key configured");
        }
        PagerDutyConfig config = new PagerDutyConfig(
                settings.apiToken(),
                settings.fromEmail(),
                settings.apiUrl(),
                settings.eventsUrl(),
                null,
                null,
                null,
                Math.max(0, settings.clientRetries()),
                null,
                settings.clientMaxBackoff(),
                clock,
                meters,
                null);
        return PagerDutyClient.create(config);
    }
}
