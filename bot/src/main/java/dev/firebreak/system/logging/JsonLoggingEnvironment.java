package dev.firebreak.system.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code firebreak.logging.json=true} (env {@code FIREBREAK_LOGGING_JSON=true}): console logs as one JSON object
 * per line (Boot's structured logging, Elastic Common Schema), with the MDC fields {@code trace_id} and
 * {@code incident}. An explicit {@code logging.structured.format.console} wins. Runs before logging starts.
 */
public class JsonLoggingEnvironment implements EnvironmentPostProcessor {

    static final String SWITCH = "firebreak.logging.json";
    static final String BOOT_FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(SWITCH, Boolean.class, false) && !environment.containsProperty(BOOT_FORMAT)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("firebreakJsonLogging", Map.of(BOOT_FORMAT, "ecs")));
        }
    }
}
