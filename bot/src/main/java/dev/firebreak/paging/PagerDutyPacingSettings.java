package dev.firebreak.paging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.pagerduty.pacing.*}: client-side budgets that keep the bot under PagerDuty's limits, shared by
 * every replica through the database.
 *
 * @param enabled         pace calls (off: only PagerDuty's 429s slow them down)
 * @param eventsPerPeriod Events API v2 events (trigger, acknowledge, resolve) PagerDuty takes per routing key per
 *                        {@code period} (documented: about 120 per minute)
 * @param restPerPeriod   REST API writes (notes, incidents created by REST) per API token per {@code period}
 *                        (documented: 960 per minute; the bot keeps well below)
 * @param period          the window the limits count over (a minute; tests compress time by shortening it)
 */
@ConfigurationProperties("firebreak.pagerduty.pacing")
public record PagerDutyPacingSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("120") int eventsPerPeriod,
        @DefaultValue("480") int restPerPeriod,
        @DefaultValue("1m") Duration period) {}
