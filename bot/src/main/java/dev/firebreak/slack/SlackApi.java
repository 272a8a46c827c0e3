package dev.firebreak.slack;

import com.slack.api.Slack;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Slack Web API client, pointed at {@code firebreak.slack.api-url} with the bot token. Other modules
 * (paging, post-mortems) call Slack through this, always from an outbox handler, never inside a request.
 */
@Component
public class SlackApi {

    private static final Logger log = LoggerFactory.getLogger(SlackApi.class);

    private final SlackSettings settings;
    private final Slack slack;

    /** With the default HTTP timeout (10 s). */
    SlackApi(SlackSettings settings) {
        this(settings, new SlackHttpSettings(Duration.ofSeconds(10)));
    }

    @Autowired
    SlackApi(SlackSettings settings, SlackHttpSettings http) {
        this.settings = settings;
        SlackConfig config = new SlackConfig();
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, http.timeout().toMillis());
        config.setHttpClientReadTimeoutMillis(timeoutMillis);
        config.setHttpClientWriteTimeoutMillis(timeoutMillis);
        config.setHttpClientCallTimeoutMillis(timeoutMillis);
        String url = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        config.setMethodsEndpointUrlPrefix(url);
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        // OkHttp would silently send a POST again on a new connection when the first one drops after the
        // request went out; for chat.postMessage that is a second message. Retries are the outbox's job, after
        // checking whether the first call took effect (issue 9, defect 4).
        SlackHttpClient httpClient = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .retryOnConnectionFailure(false).build());
        httpClient.setConfig(config);
        this.slack = Slack.getInstance(config, httpClient);
        if (!settings.enabled()) {
            log.info("Slack is off: no firebreak.slack.bot-token (SLACK_BOT_TOKEN) configured");
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The Web API methods, authenticated with the bot token. */
    public MethodsClient methods() {
        return slack.methods(settings.botToken());
    }

    public Slack slack() {
        return slack;
    }

    public SlackSettings settings() {
        return settings;
    }
}
