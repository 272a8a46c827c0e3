package dev.firebreak.slack.bolt;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets the plain names every Slack tutorial uses ({@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET},
 * {@code SLACK_APP_TOKEN}) configure {@code firebreak.slack.*}. They are added as the lowest-precedence
 * property source, so {@code firebreak.slack.bot-token} / {@code FIREBREAK_SLACK_BOT_TOKEN} still win.
 */
public class SlackEnvironmentFallbacks implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "firebreakSlackEnvFallbacks";

    static final Map<String, String> FALLBACKS = Map.of(
            "SLACK_BOT_TOKEN", "firebreak.slack.bot-token",
            "SLACK_SIGNING_SECRET", "firebreak.slack.signing-secret",
            "SLACK_APP_TOKEN", "firebreak.slack.app-token");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        apply(environment, System.getenv());
    }

    static void apply(ConfigurableEnvironment environment, Map<String, String> env) {
        Map<String, Object> values = new LinkedHashMap<>();
        FALLBACKS.forEach((envName, property) -> {
            String value = env.get(envName);
            if (value != null && !value.isBlank()) {
                values.put(property, value.strip());
            }
        });
        if (!values.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, values));
        }
    }
}
