package dev.firebreak.system.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.api.*}: the bearer token that guards {@code /api/**}.
 *
 * @param token     the shared secret ({@code FIREBREAK_API_TOKEN}); blank: a random one is generated at start-up
 *                  and logged once
 * @param tokenName the name recorded as the actor of changes made with the token (timeline, Slack)
 */
@ConfigurationProperties("firebreak.api")
public record ApiSettings(String token, @DefaultValue("api") String tokenName) {

    @Override
    public String toString() {
        return "ApiSettings[token=" + (token == null || token.isBlank() ? "<generated>" : Secrets.redact(token))
                + ", tokenName=" + tokenName + "]";
    }
}
