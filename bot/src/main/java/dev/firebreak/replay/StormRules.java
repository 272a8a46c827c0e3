package dev.firebreak.replay;

import dev.firebreak.alerting.StormBreaker;
import dev.firebreak.alerting.StormSettings;
import dev.firebreak.incident.Severity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The storm breaker in the replay: the breaker's own pure decision ({@link StormBreaker#decide}) and settings
 * ({@code firebreak.storm.*}, {@link StormSettings}), fed with the facts the live intake reads from its
 * {@code storm_breaker} row: alert-opened incidents (not storm incidents) opened within the window, and the latest
 * storm whose incident is still open with the time its last group joined. One instance per replay run.
 */
final class StormRules {

    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final StormSettings settings;
    private final List<Instant> openings = new ArrayList<>();
    private UUID storm;
    private Instant lastJoin;

    StormRules(StormSettings settings) {
        this.settings = settings;
    }

    static StormSettings bind(Binder binder) {
        return binder.bindOrCreate("firebreak.storm", StormSettings.class);
    }

    String describe() {
        return settings.enabled()
                ? "storm breaker: more than " + settings.threshold() + " incidents within "
                        + StormBreaker.human(settings.window()) + " start a storm incident"
                        + (settings.exemptions().isEmpty()
                                ? ""
                                : " (" + settings.exemptions().size() + " exemption rules)")
                : "storm breaker: off";
    }

    /** The breaker's decision for a new firing group; {@code stormOpen} says whether the latest storm's incident is open. */
    StormBreaker.Action decide(
            Instant now, boolean stormOpen, Severity severity, Map<String, String> labels, String receiver) {
        Optional<StormBreaker.ActiveStorm> active = storm != null && stormOpen
                ? Optional.of(new StormBreaker.ActiveStorm(storm, lastJoin))
                : Optional.empty();
        long opened = StormBreaker.countInWindow(settings, now, openings);
        return StormBreaker.decide(settings, now, opened, active, new StormBreaker.Group(severity, labels, receiver))
                .action();
    }

    /** An alert-opened incident of its own opened at {@code now} (counts against the threshold). */
    void opened(Instant now) {
        openings.add(now);
    }

    /** A group joined (or started) the storm incident {@code id} at {@code now}. */
    void joined(UUID id, Instant now) {
        storm = id;
        lastJoin = now;
    }

    /** The storm incident's title, as the live breaker writes it. */
    String stormTitle(Instant now) {
        return "Alert storm since " + HH_MM.format(now) + ": more than " + settings.threshold()
                + " alert groups within " + StormBreaker.human(settings.window());
    }
}
