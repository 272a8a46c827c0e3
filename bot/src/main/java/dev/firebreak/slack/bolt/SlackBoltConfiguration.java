package dev.firebreak.slack.bolt;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackSettings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The Bolt {@link App}: one instance serves HTTP ({@code POST /slack/events}) and, with an app token,
 * Socket Mode. Built only when Slack is enabled (a bot token is configured).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackEnabled.class)
class SlackBoltConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlackBoltConfiguration.class);

    @Bean
    App slackApp(SlackApi api, List<SlackAppRegistration> registrations) {
        SlackSettings settings = api.settings();
        if ((settings.signingSecret() == null || settings.signingSecret().isBlank()) && !settings.socketMode()) {
            log.warn(
                    "No firebreak.slack.signing-secret (SLACK_SIGNING_SECRET): every request to /slack/events is refused");
        }
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                // The same Slack client as SlackApi, so auth.test and every call go to firebreak.slack.api-url.
                .slack(api.boltClient())
                // Bolt's RequestVerification is off on purpose: SlackEventsController verifies every HTTP
                // request before Bolt sees it (constant-time compare, future timestamps refused, injected
                // Clock), and Socket Mode requests are not signed at all. Bolt's check would only repeat
                // ours against the system clock, with a weaker skew rule.
                .requestVerificationEnabled(false)
                .build();
        App app = new App(config);
        registrations.forEach(r -> r.registerOn(app));
        return app;
    }

    @Bean
    SlackAppLifecycle slackAppLifecycle(App app) {
        return new SlackAppLifecycle(app);
    }

    @Bean
    @Conditional(SlackSocketModeEnabled.class)
    SlackSocketMode slackSocketMode(App app, SlackApi api) {
        return new SlackSocketMode(app, api.settings().appToken());
    }
}
