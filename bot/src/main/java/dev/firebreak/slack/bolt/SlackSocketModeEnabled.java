package dev.firebreak.slack.bolt;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when an app-level token ({@code xapp-}) is configured as well as the bot token. */
class SlackSocketModeEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("firebreak.slack.bot-token"))
                && StringUtils.hasText(context.getEnvironment().getProperty("firebreak.slack.app-token"));
    }
}
