package dev.firebreak.web;

import dev.firebreak.incident.Actor;
import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person: who they are (recorded as the actor of what they do, type {@code web}) and their role.
 * An OIDC user from Sign in with Slack is recorded with their Slack user id, so the card and timeline name them.
 */
public record ConsoleUser(String id, String name, ConsoleRole role) {

    static final String ACTOR_TYPE = "web";

    static ConsoleUser of(Authentication auth) {
        ConsoleRole role = Arrays.stream(ConsoleRole.values())
                .filter(r -> auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(r.authority()::equals))
                .reduce((a, b) -> b)
                .orElse(ConsoleRole.VIEWER);
        if (auth.getPrincipal() instanceof OidcUser oidc) {
            String slack = oidc.getClaimAsString(RoleMapping.SLACK_USER_ID_CLAIM);
            if (slack != null && !slack.isBlank()) {
                return new ConsoleUser(slack, display(oidc), role);
            }
            return new ConsoleUser(oidc.getSubject(), display(oidc), role);
        }
        return new ConsoleUser(auth.getName(), auth.getName(), role);
    }

    private static String display(OidcUser oidc) {
        for (String s : new String[] {oidc.getFullName(), oidc.getPreferredUsername(), oidc.getEmail()}) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return oidc.getSubject();
    }

    public Actor actor() {
        return new Actor(ACTOR_TYPE, id, name);
    }

    public boolean can(ConsoleRole needed) {
        return role.ordinal() >= needed.ordinal();
    }
}
