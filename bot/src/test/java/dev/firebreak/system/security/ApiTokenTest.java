package dev.firebreak.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ApiTokenTest {

    @Test
    void matchesOnlyTheExactToken() {
        ApiToken token = ApiToken.configuredOrGenerated("s3cr3t-token");
        assertThat(token.generated()).isFalse();
        assertThat(token.matches("s3cr3t-token")).isTrue();
        assertThat(token.matches("s3cr3t-tokeN")).isFalse();
        assertThat(token.matches("s3cr3t-token ")).isFalse();
        assertThat(token.matches("s3cr3t-toke")).isFalse();
        assertThat(token.matches("s3cr3t-token-and-more")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void configuredTokenIsStripped() {
        assertThat(ApiToken.configuredOrGenerated("  abc \n").matches("abc")).isTrue();
    }

    @Test
    void blankConfigurationGeneratesAStrongRandomToken() {
        ApiToken a = ApiToken.configuredOrGenerated(null);
        ApiToken b = ApiToken.configuredOrGenerated("   ");
        assertThat(a.generated()).isTrue();
        assertThat(a.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(a.value()).isNotEqualTo(b.value());
        assertThat(a.matches(a.value())).isTrue();
        assertThat(a.matches(b.value())).isFalse();
        assertThat(a.toString()).doesNotContain(a.value());
    }

    @Test
    void bearerHeaderParsing() {
        assertThat(ApiToken.bearer("Bearer abc")).isEqualTo("abc");
        assertThat(ApiToken.bearer("bearer   abc  ")).isEqualTo("abc");
        assertThat(ApiToken.bearer("BEARER abc")).isEqualTo("abc");
        assertThat(ApiToken.bearer("Basic abc")).isNull();
        assertThat(ApiToken.bearer("Bearer")).isNull();
        assertThat(ApiToken.bearer("Bearer    ")).isNull();
        assertThat(ApiToken.bearer("Bearerabc")).isNull();
        assertThat(ApiToken.bearer("abc")).isNull();
        assertThat(ApiToken.bearer(null)).isNull();
    }

    @Test
    void settingsNeverPrintTheToken() {
        assertThat(new ApiSettings("s3cr3t", "ci").toString()).doesNotContain("s3cr3t");
    }

    @Test
    void aGeneratedTokenIsLoggedOnceAndAConfiguredOneNever() {
        Logger logger = (Logger) LoggerFactory.getLogger(ApiSecurityConfiguration.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            ApiSecurityConfiguration config = new ApiSecurityConfiguration();
            ApiToken generated = config.apiToken(new ApiSettings(null, "api"));
            assertThat(appender.list).hasSize(1);
            assertThat(appender.list.get(0).getFormattedMessage())
                    .contains("Using generated API token: " + generated.value());

            appender.list.clear();
            config.apiToken(new ApiSettings("configured-secret", "api"));
            assertThat(appender.list).isEmpty();
        } finally {
            logger.detachAppender(appender);
        }
    }
}
