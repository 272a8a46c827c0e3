package dev.firebreak.paging;

import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.integrations.pagerduty.PagerDutyIncident;
import dev.firebreak.integrations.pagerduty.PagerDutyUser;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two REST reads the PagerDuty client library does not offer (yet): {@code GET /incidents?incident_key=}
 * (learn the PagerDuty incident id of our Events trigger) and {@code GET /users?query=<email>} (page a person).
 * Single attempt, no retries here: callers run in outbox tasks, which retry durably. Errors are
 * {@link PagerDutyException}s like the client's, and never carry the token.
 */
@Component
class PagerDutyLookups {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PagerDutySettings settings;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
            .callTimeout(Duration.ofSeconds(20)).build();

    PagerDutyLookups(PagerDutySettings settings) {
        this.settings = settings;
    }

    /** The open incident with this key, else the newest one (a re-page after resolve reuses the key). */
    Optional<PagerDutyIncident> incidentByKey(String incidentKey) {
        HttpUrl url = base("incidents").addQueryParameter("incident_key", incidentKey).build();
        PagerDutyIncident newest = null;
        for (JsonNode i : get(url).path("incidents")) {
            if (!incidentKey.equals(text(i, "incident_key"))) {
                continue;
            }
            PagerDutyIncident incident = new PagerDutyIncident(text(i, "id"), i.path("incident_number").isNumber()
                    ? Long.valueOf(i.path("incident_number").asLong()) : null, text(i, "title"), text(i, "status"),
                    text(i, "urgency"), text(i, "html_url"), text(i, "incident_key"));
            if (!"resolved".equals(incident.status())) {
                return Optional.of(incident);
            }
            newest = incident;
        }
        return Optional.ofNullable(newest);
    }

    Optional<PagerDutyUser> userByEmail(String email) {
        HttpUrl url = base("users").addQueryParameter("query", email).build();
        for (JsonNode u : get(url).path("users")) {
            if (email.equalsIgnoreCase(text(u, "email"))) {
                return Optional.of(new PagerDutyUser(text(u, "id"), text(u, "name"), text(u, "email"),
                        text(u, "html_url")));
            }
        }
        return Optional.empty();
    }

    private HttpUrl.Builder base(String path) {
        HttpUrl root = HttpUrl.parse(settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/");
        if (root == null) {
            throw new PagerDutyException(0, null, "invalid firebreak.pagerduty.api-url", false, null);
        }
        return root.newBuilder().addPathSegments(path);
    }

    private JsonNode get(HttpUrl url) {
        Request request = new Request.Builder().url(url).get()
                .header("Authorization", "Token token=" + settings.apiToken())
                .header("Accept", "application/vnd.pagerduty+json;version=2")
                .header("Content-Type", "application/json")
                .build();
        String where = "GET /" + String.join("/", url.pathSegments());
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            int code = response.code();
            if (code / 100 == 2) {
                return JSON.readTree(body);
            }
            boolean retryable = code == 429 || code >= 500;
            Duration wait = null;
            String reset = response.header("ratelimit-reset");
            if (code == 429 && reset != null && reset.strip().matches("\\d{1,6}")) {
                wait = Duration.ofSeconds(Long.parseLong(reset.strip()));
            }
            return failWith(new PagerDutyException(code, null, where + " answered " + code, retryable, wait));
        } catch (IOException e) {
            throw new PagerDutyException(0, null, where + ": " + e.getClass().getSimpleName(), true, null, e);
        }
    }

    private static JsonNode failWith(PagerDutyException e) {
        throw e;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asString();
    }
}
