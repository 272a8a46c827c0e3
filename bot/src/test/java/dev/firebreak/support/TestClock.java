package dev.firebreak.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The one test clock: {@code @Import(TestClock.class)} makes {@link #CLOCK}, a UTC {@link MutableClock}, the
 * application's {@code Clock}. Test classes run one after another, so they share it: a class sets its start with
 * {@link #startingAt} (in a static field, before its context starts; also the clock to hand to {@code FakeSlack})
 * and moves it by hand. Contexts importing it share one cache key, so equal test setups share one context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final Instant T0 = Instant.parse("2026-11-28T04:00:00Z");
    public static final MutableClock CLOCK = new MutableClock(T0);

    /** Sets the shared clock to {@code start} and returns it. */
    public static MutableClock startingAt(Instant start) {
        CLOCK.set(start);
        return CLOCK;
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return CLOCK;
    }
}
