package dev.firebreak.timeline;

import dev.firebreak.support.MutableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock of the timeline tests (one shared test context); tests set it in {@code @BeforeEach}. */
@TestConfiguration(proxyBeanMethods = false)
public class TimelineTestClock {

    public static final Instant T0 = Instant.parse("2026-11-28T04:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(T0);
    }
}
