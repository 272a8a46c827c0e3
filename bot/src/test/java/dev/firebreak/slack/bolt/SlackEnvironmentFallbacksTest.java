package dev.firebreak.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.slack.SlackSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SlackEnvironmentFallbacksTest {

    @Test
    void plainSlackVariablesConfigureFirebreak() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        SlackEnvironmentFallbacks.apply(
                env,
                Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxb-env",
                        "SLACK_SIGNING_SECRET",
                        "sec",
                        "SLACK_APP_TOKEN",
                        "xapp-env",
                        "PATH",
                        "/bin"));
        SlackSettings settings =
                Binder.get(env).bind("firebreak.slack", SlackSettings.class).get();
        assertThat(settings.botToken()).isEqualTo("xoxb-env");
        assertThat(settings.signingSecret()).isEqualTo("sec");
        assertThat(settings.appToken()).isEqualTo("xapp-env");
        assertThat(settings.socketMode()).isTrue();
    }

    @Test
    void firebreakPropertiesWinOverThePlainNames() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("firebreak.slack.bot-token", "xoxb-own")));
        SlackEnvironmentFallbacks.apply(env, Map.of("SLACK_BOT_TOKEN", "xoxb-env", "SLACK_APP_TOKEN", " "));
        assertThat(env.getProperty("firebreak.slack.bot-token")).isEqualTo("xoxb-own");
        assertThat(env.getProperty("firebreak.slack.app-token")).isNull();
    }

    @Test
    void registeredForSpringBoot() throws Exception {
        // Every META-INF/spring.factories on the classpath, merged the way Spring's loader reads them.
        var factories = new java.util.ArrayList<String>();
        var urls = getClass().getClassLoader().getResources("META-INF/spring.factories");
        while (urls.hasMoreElements()) {
            var props = org.springframework.core.io.support.PropertiesLoaderUtils.loadProperties(
                    new org.springframework.core.io.UrlResource(urls.nextElement()));
            String value = props.getProperty(org.springframework.boot.EnvironmentPostProcessor.class.getName());
            if (value != null) {
                factories.addAll(java.util.Arrays.stream(value.split(","))
                        .map(String::strip)
                        .toList());
            }
        }
        assertThat(factories).contains(SlackEnvironmentFallbacks.class.getName());
    }

    @Test
    void nothingToAddAddsNothing() {
        StandardEnvironment env = new StandardEnvironment();
        int before = env.getPropertySources().size();
        SlackEnvironmentFallbacks.apply(env, Map.of("HOME", "/root"));
        assertThat(env.getPropertySources().size()).isEqualTo(before);
    }
}
