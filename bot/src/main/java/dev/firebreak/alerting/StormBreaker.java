package dev.firebreak.alerting;

import dev.firebreak.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The storm breaker's decision, pure (no Spring, no database, no clock): for an alert group that has no incident
 * yet, should it open its own incident, join the active storm incident, or start a storm?
 *
 * <ol>
 *   <li>breaker off → open its own;</li>
 *   <li>the group matches an exemption (e.g. SEV1, a receiver, label matchers) → open its own;</li>
 *   <li>a storm is active (its incident is open and a group joined less than W ago) → attach to it;</li>
 *   <li>N or more alert-opened incidents already opened within W (this one would be one more than N) → start a
 *       storm: one storm incident that this group and the next ones join;</li>
 *   <li>otherwise → open its own.</li>
 * </ol>
 *
 * <p>The caller supplies the facts under a lock that serializes decisions across replicas
 * ({@code StormRouting}: the {@code storm_breaker} row); the offline replay simulator supplies them from a recording.
 */
public final class StormBreaker {

    private StormBreaker() {}

    public enum Action {
        OPEN_OWN,
        ATTACH,
        START_STORM
    }

    /** What the breaker knows about the group: its severity (after mapping), common labels and receiver. */
    public record Group(Severity severity, Map<String, String> labels, String receiver) {
        public Group {
            Objects.requireNonNull(severity, "severity");
            labels = labels == null ? Map.of() : labels;
        }
    }

    /**
     * The current storm: its incident (which the caller checked is still open) and when the last group joined it
     * (or it started).
     */
    public record ActiveStorm(UUID incidentId, Instant lastJoinAt) {
        public ActiveStorm {
            Objects.requireNonNull(lastJoinAt, "lastJoinAt");
        }
    }

    /** The decision and why, in words fit for a log line or a timeline entry. */
    public record Decision(Action action, String reason) {}

    /**
     * @param openedInWindow alert-opened incidents (not storm incidents) opened after {@link #windowStart}, not
     *                       counting this group
     * @param storm          the latest storm whose incident is still open, if any (active or not)
     */
    public static Decision decide(
            StormSettings settings, Instant now, long openedInWindow, Optional<ActiveStorm> storm, Group group) {
        if (!settings.enabled()) {
            return new Decision(Action.OPEN_OWN, "storm breaker is off");
        }
        Optional<String> exemption = exemption(settings, group);
        if (exemption.isPresent()) {
            return new Decision(Action.OPEN_OWN, "exempt from the storm breaker (" + exemption.get() + ")");
        }
        if (storm.isPresent() && isActive(settings, storm.get(), now)) {
            return new Decision(
                    Action.ATTACH,
                    "alert storm in progress (last group joined at "
                            + storm.get().lastJoinAt() + ")");
        }
        if (openedInWindow >= settings.threshold()) {
            return new Decision(
                    Action.START_STORM,
                    openedInWindow + " incidents opened within " + human(settings.window()) + " (threshold "
                            + settings.threshold() + ")");
        }
        return new Decision(
                Action.OPEN_OWN,
                openedInWindow + " of " + settings.threshold() + " incidents opened within "
                        + human(settings.window()));
    }

    /** A window as people write it: {@code 2 min}, {@code 1 h}, {@code 90 s}. */
    public static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % 60 != 0 || seconds == 0) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    /** A storm lasts until no new group joined it for the window W. */
    public static boolean isActive(StormSettings settings, ActiveStorm storm, Instant now) {
        return now.isBefore(storm.lastJoinAt().plus(settings.window()));
    }

    /** Openings after this instant count against the threshold. */
    public static Instant windowStart(StormSettings settings, Instant now) {
        return now.minus(settings.window());
    }

    /** How many of these opening times fall within the window ending at {@code now} (for simulators). */
    public static long countInWindow(StormSettings settings, Instant now, Collection<Instant> openings) {
        Instant start = windowStart(settings, now);
        return openings.stream()
                .filter(t -> t.isAfter(start) && !t.isAfter(now))
                .count();
    }

    /** The first exemption rule the group matches, described; empty when none does. */
    public static Optional<String> exemption(StormSettings settings, Group group) {
        return settings.exemptions().stream()
                .filter(e -> e.matches(group.severity(), group.labels(), group.receiver()))
                .findFirst()
                .map(StormSettings.Exemption::describe);
    }
}
