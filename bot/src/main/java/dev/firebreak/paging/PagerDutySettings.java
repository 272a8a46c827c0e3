package dev.firebreak.paging;

import dev.firebreak.incident.Severity;
import dev.firebreak.system.security.Secrets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.pagerduty.*}. Without an api-token and without any routing key paging is off (the rest of
 * the bot works). Example:
 * <pre>
 * firebreak.pagerduty.api-token=...                       (FIREBREAK_PAGERDUTY_API_TOKEN)
 * firebreak.pagerduty.from-email=firebreak@example.com
 * firebreak.pagerduty.webhook-secret=new-secret,old-secret
 * firebreak.pagerduty.service-id=PSVC123                  (for /incident page)
 * firebreak.pagerduty.incident-url=https://firebreak.example.com/api/incidents/{id}
 * firebreak.pagerduty.routing.rules[0].match.service=checkout
 * firebreak.pagerduty.routing.rules[0].routing-key=...
 * firebreak.pagerduty.routing.rules[0].escalation-policy=PABC123
 * firebreak.pagerduty.routing.rules[0].severities=SEV1,SEV2,SEV3
 * firebreak.pagerduty.routing.default-routing-key=...
 * firebreak.pagerduty.routing.default-escalation-policy=PDEF456
 * firebreak.pagerduty.routing.teams.storage=PSTO789       (team names for /oncall and /incident page)
 * </pre>
 *
 * @param apiToken        REST API token (on-call lookups, notes, manual pages, incident id lookup)
 * @param fromEmail       email of a PagerDuty user, sent as {@code From} on REST writes
 * @param apiUrl          REST base URL
 * @param eventsUrl       Events API v2 base URL
 * @param webhookSecret   secret(s) of the v3 webhook subscription; comma-separated during rotation
 * @param serviceId       PagerDuty service for incidents created through REST ({@code /incident page})
 * @param incidentUrl     link back to an incident in PagerDuty events; {@code {id}} and {@code {ref}} are
 *                        replaced (e.g. {@code https://firebreak.example.com/api/incidents/{id}}); empty: no link
 * @param clientRetries   retries inside one client call (the outbox retries afterwards, durably)
 * @param clientMaxBackoff longest wait inside one client call (rate-limit resets longer than this go to the outbox)
 * @param onCallCacheTtl  how long an email -> Slack user lookup is cached
 * @param inviteLevels    escalation levels whose current on-calls are invited into the incident channel
 * @param routing         which incidents page whom
 */
@ConfigurationProperties("firebreak.pagerduty")
public record PagerDutySettings(
        String apiToken,
        String fromEmail,
        @DefaultValue("https://api.pagerduty.com") String apiUrl,
        @DefaultValue("https://events.pagerduty.com") String eventsUrl,
        String webhookSecret,
        String serviceId,
        String incidentUrl,
        @DefaultValue("1") int clientRetries,
        @DefaultValue("5s") Duration clientMaxBackoff,
        @DefaultValue("10m") Duration onCallCacheTtl,
        @DefaultValue("1") int inviteLevels,
        @DefaultValue Routing routing) {

    public PagerDutySettings {
        routing = routing == null
                ? new Routing(List.of(), null, null, List.of(Severity.SEV1, Severity.SEV2), Map.of())
                : routing;
    }

    public boolean hasApiToken() {
        return apiToken != null && !apiToken.isBlank();
    }

    /** Paging is on when there is an API token or at least one routing key. */
    public boolean enabled() {
        return hasApiToken() || routing.hasRoutingKey();
    }

    /** The configured webhook secrets (several during rotation), blanks dropped. */
    public List<String> webhookSecrets() {
        if (webhookSecret == null) {
            return List.of();
        }
        return Arrays.stream(webhookSecret.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * @param rules                   checked in order; the first match wins
     * @param defaultRoutingKey       Events routing key when no rule matches
     * @param defaultEscalationPolicy escalation policy when no rule matches (on-call lookups, invites)
     * @param defaultSeverities       severities that page when a rule (or the default) names none
     * @param teams                   extra team -> escalation policy id mappings for {@code /oncall} and {@code /incident page}
     */
    public record Routing(
            @DefaultValue List<Rule> rules,
            String defaultRoutingKey,
            String defaultEscalationPolicy,
            @DefaultValue({"SEV1", "SEV2"}) List<Severity> defaultSeverities,
            @DefaultValue Map<String, String> teams) {

        public Routing {
            rules = rules == null ? List.of() : List.copyOf(rules);
            defaultSeverities = defaultSeverities == null || defaultSeverities.isEmpty()
                    ? List.of(Severity.SEV1, Severity.SEV2)
                    : List.copyOf(defaultSeverities);
            teams = teams == null ? Map.of() : Map.copyOf(teams);
        }

        /** Routing keys never show. */
        @Override
        public String toString() {
            return "Routing[rules=" + rules + ", defaultRoutingKey=" + Secrets.redact(defaultRoutingKey)
                    + ", defaultEscalationPolicy=" + defaultEscalationPolicy + ", defaultSeverities="
                    + defaultSeverities
                    + ", teams=" + teams + "]";
        }

        boolean hasRoutingKey() {
            return !blank(defaultRoutingKey) || rules.stream().anyMatch(r -> !blank(r.routingKey()));
        }
    }

    /**
     * One routing rule.
     *
     * @param name             shown in "Paged ... via PagerDuty" (default: the matched service or team)
     * @param match            which incidents it applies to (all given fields must match)
     * @param routingKey       Events v2 integration key
     * @param escalationPolicy escalation policy id (on-call lookups, invites, REST pages)
     * @param serviceId        PagerDuty service for REST-created incidents of this rule
     * @param severities       severities that page (empty: the routing's default severities)
     */
    public record Rule(
            String name,
            @DefaultValue Match match,
            String routingKey,
            String escalationPolicy,
            String serviceId,
            @DefaultValue List<Severity> severities) {

        public Rule {
            match = match == null ? new Match(null, null, Map.of()) : match;
            severities = severities == null ? List.of() : List.copyOf(severities);
        }

        @Override
        public String toString() {
            return "Rule[name=" + name + ", match=" + match + ", routingKey=" + Secrets.redact(routingKey)
                    + ", escalationPolicy=" + escalationPolicy + ", serviceId=" + serviceId + ", severities="
                    + severities + "]";
        }
    }

    /**
     * @param service the incident's {@code service} label
     * @param team    the incident's {@code team} label
     * @param labels  further labels that must all be equal
     */
    public record Match(
            String service, String team, @DefaultValue Map<String, String> labels) {

        public Match {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    /** The API token, webhook secret and routing keys never show. */
    @Override
    public String toString() {
        return "PagerDutySettings[apiToken=" + Secrets.redact(apiToken) + ", fromEmail=" + fromEmail + ", apiUrl="
                + apiUrl
                + ", eventsUrl=" + eventsUrl + ", webhookSecret=" + Secrets.redact(webhookSecret) + ", serviceId="
                + serviceId
                + ", incidentUrl=" + incidentUrl + ", clientRetries=" + clientRetries + ", clientMaxBackoff="
                + clientMaxBackoff + ", onCallCacheTtl=" + onCallCacheTtl + ", inviteLevels=" + inviteLevels
                + ", routing=" + routing + "]";
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
