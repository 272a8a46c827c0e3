package dev.firebreak.integrations.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake must catch contract violations, or the contract tests prove nothing. */
class FakePagerDutyTest {

    private final FakePagerDuty pagerDuty = new FakePagerDuty();
    private final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void stop() throws Exception {
        pagerDuty.close();
    }

    @Test
    void rejectsAnEventOutsideTheEventsDocument() throws Exception {
        String body = "{\"routing_key\":\"" + FakePagerDuty.ROUTING_KEY + "\",\"event_action\":\"explode\","
                + "\"payload\":{\"summary\":\"s\",\"source\":\"x\",\"severity\":\"apocalyptic\"}}";

        int status = post("/v2/enqueue", body, null);

        assertThat(status).isEqualTo(400);
        assertThat(pagerDuty.violations())
                .anySatisfy(v -> assertThat(v).contains("event_action"))
                .anySatisfy(v -> assertThat(v).contains("severity"));
    }

    @Test
    void acceptsADocumentedEvent() throws Exception {
        String body = "{\"routing_key\":\"" + FakePagerDuty.ROUTING_KEY + "\",\"event_action\":\"trigger\","
                + "\"payload\":{\"summary\":\"s\",\"source\":\"x\",\"severity\":\"info\"}}";

        assertThat(post("/v2/enqueue", body, null)).isEqualTo(202);
        assertThat(pagerDuty.violations()).isEmpty();
    }

    @Test
    void rejectsARestRequestWithoutTheVersionHeaderOrWithABadBody() throws Exception {
        Request noAccept = new Request.Builder()
                .url(pagerDuty.server().url("/oncalls"))
                .header("Authorization", "Token token=" + FakePagerDuty.API_TOKEN)
                .header("Content-Type", "application/json")
                .build();
        try (Response response = http.newCall(noAccept).execute()) {
            assertThat(response.code()).isEqualTo(400);
        }
        assertThat(pagerDuty.violations()).anySatisfy(v -> assertThat(v).contains("Accept"));

        pagerDuty.addUser("PU1", "Ann", FakePagerDuty.FROM);
        int status = post("/incidents", "{\"incident\":{\"type\":\"incident\",\"title\":\"t\"}}", FakePagerDuty.FROM);
        assertThat(status).isEqualTo(400);
        assertThat(pagerDuty.violations()).anySatisfy(v -> assertThat(v).contains("service"));
    }

    @Test
    void scriptedFaultsAreServedFirstInOrder() throws Exception {
        pagerDuty.enqueueStatus(503, "");
        pagerDuty.enqueueStatus(429, "", "ratelimit-reset", "1");
        String body = "{\"routing_key\":\"" + FakePagerDuty.ROUTING_KEY + "\",\"event_action\":\"resolve\","
                + "\"dedup_key\":\"k\"}";

        assertThat(post("/v2/enqueue", body, null)).isEqualTo(503);
        assertThat(post("/v2/enqueue", body, null)).isEqualTo(429);
        assertThat(post("/v2/enqueue", body, null)).isEqualTo(202);
    }

    private int post(String path, String body, String from) throws Exception {
        Request.Builder request = new Request.Builder()
                .url(pagerDuty.server().url(path))
                .post(RequestBody.create(body, MediaType.get("application/json")));
        if (!path.startsWith("/v2")) {
            request.header("Authorization", "Token token=" + FakePagerDuty.API_TOKEN)
                    .header("Accept", PagerDutyHttp.REST_ACCEPT);
        }
        if (from != null) {
            request.header("From", from);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return response.code();
        }
    }
}
