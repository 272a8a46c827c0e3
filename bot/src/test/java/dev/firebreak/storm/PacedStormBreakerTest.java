package dev.firebreak.storm;

import dev.firebreak.support.FirebreakTest;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The paced storm with the storm breaker on (its defaults: more than 10 incidents within 2 minutes): the groups past
 * the threshold join one storm incident, which gets one channel, one card and one page like every other incident;
 * still no 429 and nothing lost.
 *
 * <p>The runbook library is off here: with it, every render of the storm incident's card (about 1,700 alerts)
 * matches each runbook against every alert ({@code RunbookCardButtons} → {@code RunbookCatalog.matching}), which keeps
 * the outbox busy for minutes on a 2-core machine; a separate finding, not a pacing one.
 */
@FirebreakTest(properties = {"firebreak.storm.enabled=true", "firebreak.runbooks.library=false"})
class PacedStormBreakerTest extends PacedStorm {

    static final Vendors VENDORS = Vendors.start();

    @DynamicPropertySource
    static void vendors(DynamicPropertyRegistry registry) {
        configure(registry, VENDORS);
    }

    @AfterAll
    static void close() throws Exception {
        VENDORS.close();
    }

    @Override
    Vendors vendors() {
        return VENDORS;
    }
}
