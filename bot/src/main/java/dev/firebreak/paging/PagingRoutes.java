package dev.firebreak.paging;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Severity;
import dev.firebreak.paging.PagerDutySettings.Match;
import dev.firebreak.paging.PagerDutySettings.Routing;
import dev.firebreak.paging.PagerDutySettings.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Routing as pure functions of configuration: which incidents page whom, and which escalation policy a
 * team name means. The first matching rule decides; an incident that matches a rule whose severities
 * exclude it does not page (it does not fall through to the default).
 */
public final class PagingRoutes {

    private static final Pattern POLICY_ID = Pattern.compile("P[A-Z0-9]{5,13}");

    /** The route name of drill pages (issue 14). */
    public static final String DRILL = "drill";

    private final Routing routing;
    private final String defaultServiceId;
    private final String drillRoutingKey;

    public PagingRoutes(Routing routing, String defaultServiceId) {
        this(routing, defaultServiceId, null);
    }

    private PagingRoutes(Routing routing, String defaultServiceId, String drillRoutingKey) {
        this.routing = routing;
        this.defaultServiceId = defaultServiceId;
        this.drillRoutingKey = drillRoutingKey;
    }

    /** These routes, with drill incidents paging {@code routingKey} (a drill service; blank: drills page nobody). */
    public PagingRoutes withDrillRoutingKey(String routingKey) {
        return new PagingRoutes(routing, defaultServiceId, PagerDutySettings.blank(routingKey) ? null : routingKey);
    }

    /** Where drill incidents page: the drill routing key only, never a real route. */
    public Optional<Route> forDrill() {
        return drillRoutingKey == null
                ? Optional.empty()
                : Optional.of(new Route(DRILL, drillRoutingKey, null, defaultServiceId));
    }

    public static PagingRoutes of(PagerDutySettings settings) {
        return new PagingRoutes(settings.routing(), settings.serviceId());
    }

    /** The route of an incident; a drill incident only ever gets {@link #forDrill()}. */
    public Optional<Route> route(Incident incident) {
        return incident.isDrill() ? forDrill() : route(incident.getSeverity(), incident.getLabels());
    }

    /** The route of an incident with this severity and these labels, or empty when it does not page. */
    public Optional<Route> route(Severity severity, Map<String, String> labels) {
        for (Rule rule : routing.rules()) {
            if (matches(rule.match(), labels)) {
                List<Severity> pages = rule.severities().isEmpty() ? routing.defaultSeverities() : rule.severities();
                if (!pages.contains(severity)) {
                    return Optional.empty();
                }
                Route route = toRoute(rule);
                return route.hasRoutingKey() || route.hasEscalationPolicy() ? Optional.of(route) : Optional.empty();
            }
        }
        if (!routing.defaultSeverities().contains(severity)) {
            return Optional.empty();
        }
        return defaultRoute();
    }

    /**
     * The route a person means by a team name ({@code /oncall checkout}, {@code /incident page checkout}):
     * a rule by name, team or service, the {@code teams} map, or an escalation policy id as is.
     */
    public Optional<Route> forTeam(String team) {
        if (team == null || team.isBlank()) {
            return Optional.empty();
        }
        String t = team.strip();
        for (Rule rule : routing.rules()) {
            if (t.equalsIgnoreCase(rule.name())
                    || t.equalsIgnoreCase(rule.match().team())
                    || t.equalsIgnoreCase(rule.match().service())) {
                return Optional.of(toRoute(rule));
            }
        }
        for (Map.Entry<String, String> e : routing.teams().entrySet()) {
            if (e.getKey().equalsIgnoreCase(t)) {
                return Optional.of(new Route(e.getKey(), null, e.getValue(), defaultServiceId));
            }
        }
        if (POLICY_ID.matcher(t).matches()) {
            return Optional.of(new Route(t, null, t, defaultServiceId));
        }
        if ("default".equalsIgnoreCase(t)) {
            return defaultRoute();
        }
        return Optional.empty();
    }

    /** The route recorded under this name when the incident paged (re-read from configuration: keys are secrets). */
    public Optional<Route> named(String name) {
        if (DRILL.equals(name)) {
            return forDrill();
        }
        if ("default".equals(name)) {
            return defaultRoute();
        }
        for (Rule rule : routing.rules()) {
            Route route = toRoute(rule);
            if (route.name().equals(name)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** Every configured escalation policy once, keyed by policy id, with the first name that names it. */
    public Map<String, String> policies() {
        Map<String, String> policies = new LinkedHashMap<>();
        for (Rule rule : routing.rules()) {
            if (!PagerDutySettings.blank(rule.escalationPolicy())) {
                policies.putIfAbsent(rule.escalationPolicy(), toRoute(rule).name());
            }
        }
        routing.teams().forEach((team, policy) -> policies.putIfAbsent(policy, team));
        if (!PagerDutySettings.blank(routing.defaultEscalationPolicy())) {
            policies.putIfAbsent(routing.defaultEscalationPolicy(), "default");
        }
        return policies;
    }

    private Optional<Route> defaultRoute() {
        if (PagerDutySettings.blank(routing.defaultRoutingKey())
                && PagerDutySettings.blank(routing.defaultEscalationPolicy())) {
            return Optional.empty();
        }
        return Optional.of(
                new Route("default", routing.defaultRoutingKey(), routing.defaultEscalationPolicy(), defaultServiceId));
    }

    private Route toRoute(Rule rule) {
        String name =
                firstNonBlank(rule.name(), rule.match().service(), rule.match().team(), "rule");
        return new Route(
                name,
                rule.routingKey(),
                rule.escalationPolicy(),
                PagerDutySettings.blank(rule.serviceId()) ? defaultServiceId : rule.serviceId());
    }

    static boolean matches(Match match, Map<String, String> labels) {
        if (!PagerDutySettings.blank(match.service()) && !match.service().equalsIgnoreCase(labels.get("service"))) {
            return false;
        }
        if (!PagerDutySettings.blank(match.team()) && !match.team().equalsIgnoreCase(labels.get("team"))) {
            return false;
        }
        for (Map.Entry<String, String> e : match.labels().entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!PagerDutySettings.blank(v)) {
                return v;
            }
        }
        return "";
    }
}
