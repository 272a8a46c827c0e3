package dev.firebreak.slack;

import dev.firebreak.system.security.Secrets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.slack.*}. Without a bot token Slack is off (incidents still work).
 *
 * @param botToken           xoxb- token ({@code SLACK_BOT_TOKEN} also works)
 * @param signingSecret      request signing secret ({@code SLACK_SIGNING_SECRET} also works)
 * @param appToken           xapp- token: when set, Socket Mode is used as well ({@code SLACK_APP_TOKEN})
 * @param apiUrl             Web API base URL; every call goes there
 * @param announceChannel    channel id or name where new incidents are announced (empty: no announcement)
 * @param channelPrefix      incident channel names start with this
 * @param privateChannels    create private channels instead of public ones
 * @param defaultResponders  Slack user ids invited to every incident channel
 * @param archiveAfter       archive the channel this long after resolve (empty: never)
 * @param cardUpdateInterval at most one status-card edit per channel per this interval
 */
@ConfigurationProperties("firebreak.slack")
public record SlackSettings(
        String botToken,
        String signingSecret,
        String appToken,
        @DefaultValue("https://slack.com/api/") String apiUrl,
        String announceChannel,
        @DefaultValue("inc") String channelPrefix,
        @DefaultValue("false") boolean privateChannels,
        @DefaultValue List<String> defaultResponders,
        Duration archiveAfter,
        @DefaultValue("1s") Duration cardUpdateInterval) {

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }

    /** Tokens and the signing secret never show. */
    @Override
    public String toString() {
        return "SlackSettings[botToken=" + Secrets.redact(botToken) + ", signingSecret=" + Secrets.redact(signingSecret)
                + ", appToken=" + Secrets.redact(appToken) + ", apiUrl=" + apiUrl + ", announceChannel="
                + announceChannel
                + ", channelPrefix=" + channelPrefix + ", privateChannels=" + privateChannels + ", defaultResponders="
                + defaultResponders + ", archiveAfter=" + archiveAfter + ", cardUpdateInterval=" + cardUpdateInterval
                + "]";
    }

    public boolean socketMode() {
        return enabled() && appToken != null && !appToken.isBlank();
    }
}
