package dev.firebreak.integrations.pagerduty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PagerDuty Events API v2 and REST API v2 client. Thread-safe; create one per configuration and share it.
 * Every call retries 429, 5xx and network failures within the call (up to {@link PagerDutyConfig#maxRetries()},
 * exponential backoff with jitter, honouring {@code ratelimit-reset}), then throws a retryable
 * {@link PagerDutyException}; 4xx answers throw a non-retryable one at once. All methods block.
 */
public final class PagerDutyClient implements AutoCloseable {

    /** Page size of list calls (PagerDuty's maximum is 100). */
    static final int PAGE_SIZE = 100;
    /** Safety stop for list calls: PagerDuty caps offset pagination at 10,000 records anyway. */
    static final int MAX_PAGES = 100;
    /** REST error code PagerDuty answers (with 400) when an incident is already resolved. */
    static final int ALREADY_RESOLVED_CODE = 1001;

    private final PagerDutyConfig config;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final PagerDutyHttp calls;
    private final EventBodies events;

    private PagerDutyClient(PagerDutyConfig config, OkHttpClient http, boolean ownsHttp) {
        this.config = Objects.requireNonNull(config, "config");
        JsonMapper json = JsonMapper.builder().build();
        this.calls = new PagerDutyHttp(config, http, json);
        this.http = ownsHttp ? calls.okHttp() : http;
        this.ownsHttp = ownsHttp;
        this.events = new EventBodies(new CustomDetails(json));
    }

    /** A client with its own OkHttpClient (closed by {@link #close()}). */
    public static PagerDutyClient create(PagerDutyConfig config) {
        return new PagerDutyClient(config, new OkHttpClient(), true);
    }

    /**
     * A client sharing the connection pool and dispatcher of {@code shared} (its timeouts are replaced by the
     * config's). {@link #close()} leaves {@code shared} running.
     */
    public static PagerDutyClient create(PagerDutyConfig config, OkHttpClient shared) {
        return new PagerDutyClient(config, Objects.requireNonNull(shared, "shared"), false);
    }

    public PagerDutyConfig config() {
        return config;
    }

    // ---- Events API v2 -------------------------------------------------------------------------------------------

    /** {@code POST /v2/enqueue} with {@code event_action=trigger}. */
    public EventResponse trigger(TriggerEvent event) {
        Objects.requireNonNull(event, "event");
        return RestMapping.eventResponse(calls.event(events.trigger(event), event.routingKey()));
    }

    /** {@code POST /v2/enqueue} with {@code event_action=acknowledge} for the alert with this dedup key. */
    public EventResponse acknowledge(String routingKey, String dedupKey) {
        return RestMapping.eventResponse(
                calls.event(events.update(routingKey, EventAction.ACKNOWLEDGE, dedupKey), routingKey));
    }

    /** {@code POST /v2/enqueue} with {@code event_action=resolve} for the alert with this dedup key. */
    public EventResponse resolve(String routingKey, String dedupKey) {
        return RestMapping.eventResponse(
                calls.event(events.update(routingKey, EventAction.RESOLVE, dedupKey), routingKey));
    }

    // ---- REST API v2 ---------------------------------------------------------------------------------------------

    /** {@code GET /oncalls}, following all pages. */
    public List<OnCall> listOnCalls(OnCallQuery query) {
        Objects.requireNonNull(query, "query");
        return listAll(
                PathTemplate.ONCALLS,
                "oncalls",
                url -> {
                    query.escalationPolicyIds().forEach(id -> url.addQueryParameter("escalation_policy_ids[]", id));
                    query.scheduleIds().forEach(id -> url.addQueryParameter("schedule_ids[]", id));
                    query.userIds().forEach(id -> url.addQueryParameter("user_ids[]", id));
                    if (query.earliest()) {
                        url.addQueryParameter("earliest", "true");
                    }
                    if (query.since() != null) {
                        url.addQueryParameter("since", query.since().toString());
                    }
                    if (query.until() != null) {
                        url.addQueryParameter("until", query.until().toString());
                    }
                    if (query.includeUsers()) {
                        url.addQueryParameter("include[]", "users");
                    }
                },
                RestMapping::onCall);
    }

    /** {@code GET /users/{id}}. */
    public PagerDutyUser getUser(String userId) {
        HttpUrl url = calls.restUrl("/users")
                .addPathSegment(requireId(userId, "userId"))
                .build();
        return RestMapping.user(
                calls.rest("GET", PathTemplate.USER, url, null, false).path("user"));
    }

    /**
     * {@code GET /users?query=<email>}: the user whose email is exactly this one (case-insensitive), if any.
     * PagerDuty's query also matches names and parts of emails; only an exact email match counts.
     */
    public Optional<PagerDutyUser> userByEmail(String email) {
        String wanted = requireId(email, "email").strip();
        return listAll(PathTemplate.USERS, "users", url -> url.addQueryParameter("query", wanted), RestMapping::user)
                .stream()
                .filter(u -> wanted.equalsIgnoreCase(u.email()))
                .findFirst();
    }

    /** {@code GET /services}, following all pages; {@code query} (nullable) filters by name. */
    public List<PagerDutyService> listServices(String query) {
        return listAll(
                PathTemplate.SERVICES,
                "services",
                url -> {
                    if (query != null && !query.isBlank()) {
                        url.addQueryParameter("query", query);
                    }
                },
                RestMapping::service);
    }

    /** {@code GET /incidents/{id}}. */
    public PagerDutyIncident getIncident(String incidentId) {
        HttpUrl url = incidentUrl(incidentId).build();
        return RestMapping.incident(
                calls.rest("GET", PathTemplate.INCIDENT, url, null, false).path("incident"));
    }

    /**
     * {@code POST /incidents} (with {@code From}). Give an {@code incidentKey}: a repeated create (retry after a lost
     * answer, a second replica) then returns the open incident that already has the key instead of failing. Without a
     * key, a repeated create can open a second incident.
     */
    public PagerDutyIncident createIncident(NewPagerDutyIncident incident) {
        Objects.requireNonNull(incident, "incident");
        Map<String, Object> body = IncidentBodies.create(incident);
        HttpUrl url = calls.restUrl("/incidents").build();
        try {
            return RestMapping.incident(
                    calls.rest("POST", PathTemplate.INCIDENTS, url, body, true).path("incident"));
        } catch (PagerDutyException e) {
            // A retry after a lost answer (or a second replica) meets the open incident with our key: that is ours.
            if (e.status() == 400
                    && incident.incidentKey() != null
                    && !incident.incidentKey().isBlank()) {
                Optional<PagerDutyIncident> existing =
                        incidentByKey(incident.incidentKey()).filter(i -> !"resolved".equals(i.status()));
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            throw e;
        }
    }

    /**
     * {@code PUT /incidents/{id}} (with {@code From}). Resolving (or acknowledging) an incident PagerDuty reports as
     * already resolved counts as success: the incident's current state is fetched and returned.
     */
    public PagerDutyIncident updateIncident(String incidentId, IncidentUpdate update) {
        Objects.requireNonNull(update, "update");
        Map<String, Object> body = IncidentBodies.update(update);
        HttpUrl url = incidentUrl(incidentId).build();
        try {
            return RestMapping.incident(
                    calls.rest("PUT", PathTemplate.INCIDENT, url, body, true).path("incident"));
        } catch (PagerDutyException e) {
            if (update.status() != null && isAlreadyResolved(e)) {
                // Resolving twice, or acknowledging what is already resolved: nothing pages any more.
                return getIncident(incidentId);
            }
            throw e;
        }
    }

    /**
     * {@code PUT /incidents/{id}} status acknowledged, unless the incident is already acknowledged or resolved (then
     * its current state is returned without a write): PagerDuty re-opens a resolved incident that is acknowledged, and
     * a late acknowledgement must never do that. (A resolve racing between the read and the write can still re-open;
     * PagerDuty offers no conditional update.)
     */
    public PagerDutyIncident acknowledgeIncident(String incidentId) {
        PagerDutyIncident current = getIncident(incidentId);
        if ("acknowledged".equals(current.status()) || "resolved".equals(current.status())) {
            return current;
        }
        return updateIncident(incidentId, IncidentUpdate.acknowledge());
    }

    /**
     * {@code GET /incidents?incident_key=}: the open incident with this key, else the newest resolved one (a page
     * after a resolve reuses the key). How the incident id of an Events API trigger is learned.
     */
    public Optional<PagerDutyIncident> incidentByKey(String incidentKey) {
        requireId(incidentKey, "incidentKey");
        // Filtered by key only (few matches): PagerDuty's document declares statuses[] as a single value.
        HttpUrl url = calls.restUrl("/incidents")
                .addQueryParameter("incident_key", incidentKey)
                .addQueryParameter("date_range", "all")
                .addQueryParameter("limit", Integer.toString(PAGE_SIZE))
                .build();
        PagerDutyIncident newest = null;
        for (JsonNode node :
                calls.rest("GET", PathTemplate.INCIDENTS, url, null, false).path("incidents")) {
            if (!incidentKey.equals(RestMapping.text(node, "incident_key"))) {
                continue;
            }
            PagerDutyIncident incident = RestMapping.incident(node);
            if (!"resolved".equals(incident.status())) {
                return Optional.of(incident);
            }
            newest = incident;
        }
        return Optional.ofNullable(newest);
    }

    /** {@code PUT /incidents/{id}} status resolved; already resolved counts as success. */
    public PagerDutyIncident resolveIncident(String incidentId) {
        return updateIncident(incidentId, IncidentUpdate.resolve());
    }

    /** {@code POST /incidents/{id}/notes} (with {@code From}). */
    public PagerDutyNote addNote(String incidentId, String content) {
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("note content must not be blank");
        }
        HttpUrl url = incidentUrl(incidentId).addPathSegment("notes").build();
        Map<String, Object> body = Map.of("note", Map.of("content", content));
        return RestMapping.note(
                calls.rest("POST", PathTemplate.INCIDENT_NOTES, url, body, true).path("note"));
    }

    static boolean isAlreadyResolved(PagerDutyException e) {
        if (e.status() != 400) {
            return false;
        }
        if (e.errorCode().filter(code -> code == ALREADY_RESOLVED_CODE).isPresent()) {
            return true;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("already resolved");
    }

    private <T> List<T> listAll(
            PathTemplate template, String field, Consumer<HttpUrl.Builder> filters, Function<JsonNode, T> mapper) {
        List<T> results = new ArrayList<>();
        int offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpUrl.Builder url = calls.restUrl(template.value());
            filters.accept(url);
            url.addQueryParameter("limit", Integer.toString(PAGE_SIZE));
            url.addQueryParameter("offset", Integer.toString(offset));
            JsonNode answer = calls.rest("GET", template, url.build(), null, false);
            int count = 0;
            for (JsonNode node : answer.path(field)) {
                results.add(mapper.apply(node));
                count++;
            }
            if (!answer.path("more").asBoolean(false) || count == 0) {
                return results;
            }
            offset += count;
        }
        throw new PagerDutyException(
                0, null, "GET " + template + " returned more than " + MAX_PAGES + " pages", false, null);
    }

    private HttpUrl.Builder incidentUrl(String incidentId) {
        return calls.restUrl("/incidents").addPathSegment(requireId(incidentId, "incidentId"));
    }

    static String requireId(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return id;
    }

    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "PagerDutyClient[" + config + "]";
    }
}
