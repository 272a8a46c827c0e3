package dev.firebreak.slack;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.slack.http.*}: HTTP limits of Web API calls, so a slow Slack never holds an outbox
 * worker for long (a timed-out call is retried with backoff).
 *
 * @param timeout read, write and whole-call timeout of one Web API call
 */
@ConfigurationProperties("firebreak.slack.http")
public record SlackHttpSettings(@DefaultValue("10s") Duration timeout) {}
