package dev.firebreak.integrations.pagerduty;

import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * PagerDuty Events API v2 and REST API v2 client. Thread-safe; create one per configuration and share it.
 * Every call retries 429, 5xx and network failures within the call (up to {@link PagerDutyConfig#maxRetries()},
 * exponential backoff with jitter, honouring {@code ratelimit-reset}), then throws a retryable
 * {@link PagerDutyException}; 4xx answers throw a non-retryable one at once. All methods block.
 */
public final class PagerDutyClient implements AutoCloseable {

    private final PagerDutyConfig config;
    private final OkHttpClient http;
    private final boolean ownsHttp;

    private PagerDutyClient(PagerDutyConfig config, OkHttpClient http, boolean ownsHttp) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = http;
        this.ownsHttp = ownsHttp;
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
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code POST /v2/enqueue} with {@code event_action=acknowledge} for the alert with this dedup key. */
    public EventResponse acknowledge(String routingKey, String dedupKey) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code POST /v2/enqueue} with {@code event_action=resolve} for the alert with this dedup key. */
    public EventResponse resolve(String routingKey, String dedupKey) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    // ---- REST API v2 ---------------------------------------------------------------------------------------------

    /** {@code GET /oncalls}, following all pages. */
    public List<OnCall> listOnCalls(OnCallQuery query) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code GET /users/{id}}. */
    public PagerDutyUser getUser(String userId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code GET /services}, following all pages; {@code query} (nullable) filters by name. */
    public List<PagerDutyService> listServices(String query) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code GET /incidents/{id}}. */
    public PagerDutyIncident getIncident(String incidentId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code POST /incidents} (with {@code From}). */
    public PagerDutyIncident createIncident(NewPagerDutyIncident incident) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * {@code PUT /incidents/{id}} (with {@code From}). Resolving (or acknowledging) an incident PagerDuty reports as
     * already resolved counts as success: the incident's current state is fetched and returned.
     */
    public PagerDutyIncident updateIncident(String incidentId, IncidentUpdate update) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code PUT /incidents/{id}} status acknowledged. */
    public PagerDutyIncident acknowledgeIncident(String incidentId) {
        return updateIncident(incidentId, IncidentUpdate.acknowledge());
    }

    /** {@code PUT /incidents/{id}} status resolved; already resolved counts as success. */
    public PagerDutyIncident resolveIncident(String incidentId) {
        return updateIncident(incidentId, IncidentUpdate.resolve());
    }

    /** {@code POST /incidents/{id}/notes} (with {@code From}). */
    public PagerDutyNote addNote(String incidentId, String content) {
        throw new UnsupportedOperationException("not implemented yet");
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
