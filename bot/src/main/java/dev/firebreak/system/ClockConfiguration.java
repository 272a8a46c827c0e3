package dev.firebreak.system;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * All time comes from this {@link Clock} (UTC); tests replace it. It ticks in microseconds, the precision
 * both H2 and PostgreSQL store, so an instant reads back from the database exactly as it was written (and an
 * API answer right after a change shows the same times as a later read).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
