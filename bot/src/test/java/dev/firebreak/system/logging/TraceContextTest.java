package dev.firebreak.system.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TraceContextTest {

    @Test
    void traceIdComesFromAValidTraceparentThenASafeRequestIdElseIsNew() {
        assertThat(TraceContext.fromHeaders("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "req-12345678"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceContext.fromHeaders("00-00000000000000000000000000000000-00f067aa0ba902b7-01", "req-12345678"))
                .as("an all-zero trace id is invalid")
                .isEqualTo("req-12345678");
        assertThat(TraceContext.fromHeaders("garbage", "evil\nINFO forged line"))
                .matches("[0-9a-f]{32}");
        assertThat(TraceContext.fromHeaders(null, null))
                .matches("[0-9a-f]{32}")
                .isNotEqualTo(TraceContext.fromHeaders(null, null));
    }

    @Test
    void firebreakLoggingJsonTurnsOnBootsStructuredConsoleLogsUnlessAFormatIsChosen() {
        MockEnvironment on = new MockEnvironment().withProperty("firebreak.logging.json", "true");
        new JsonLoggingEnvironment().postProcessEnvironment(on, new SpringApplication());
        assertThat(on.getProperty("logging.structured.format.console")).isEqualTo("ecs");

        MockEnvironment chosen = new MockEnvironment()
                .withProperty("firebreak.logging.json", "true")
                .withProperty("logging.structured.format.console", "logstash");
        new JsonLoggingEnvironment().postProcessEnvironment(chosen, new SpringApplication());
        assertThat(chosen.getProperty("logging.structured.format.console")).isEqualTo("logstash");

        MockEnvironment off = new MockEnvironment();
        new JsonLoggingEnvironment().postProcessEnvironment(off, new SpringApplication());
        assertThat(off.getProperty("logging.structured.format.console")).isNull();
    }
}
