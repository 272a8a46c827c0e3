package dev.firebreak.replay;

import dev.firebreak.incident.Severity;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The storm breaker as the replay applies it. Seam: until the breaker's pure decision class is on this branch, no
 * storm incidents are simulated ({@link #enabled()} is false).
 */
final class StormRules {

    private StormRules() {
    }

    static StormRules bind(Binder binder) {
        return new StormRules();
    }

    boolean enabled() {
        return false;
    }

    String describe() {
        return "storm breaker: not simulated";
    }

    /** A group about to open an incident at {@code now}: true when it joins the current storm incident instead. */
    boolean joinsStorm(Instant now, String groupKey, Severity severity, Map<String, String> labels) {
        return false;
    }

    /** An incident opened at {@code now} (storm breakers count these). */
    void opened(Instant now, String groupKey) {
    }
}
