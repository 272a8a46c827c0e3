package dev.firebreak.storm;

import dev.firebreak.support.FirebreakTest;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The paced storm with the storm breaker off: 60 groups, 60 incidents, 60 channels, 60 pages, no 429. */
@FirebreakTest(properties = "firebreak.storm.enabled=false")
class PacedStormTest extends PacedStorm {

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
