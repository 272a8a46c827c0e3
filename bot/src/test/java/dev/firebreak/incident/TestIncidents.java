package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** Builds detached {@link Incident}s for unit tests of other packages' pure functions (views, messages). */
public final class TestIncidents {

    private TestIncidents() {}

    public static Incident incident(long number, NewIncident spec, Instant openedAt) {
        return new Incident(UUID.randomUUID(), number, spec, openedAt);
    }
}
