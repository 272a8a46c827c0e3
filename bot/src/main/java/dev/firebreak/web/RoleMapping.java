package dev.firebreak.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps what an OIDC provider says about a person (groups claim, other claims, e-mail, subject, Slack user id) to a
 * console role with {@code firebreak.web.roles.*}: the highest matching role wins, else the default role.
 */
final class RoleMapping {

    static final String SLACK_USER_ID_CLAIM = "https://slack.com/user_id";

    private final WebSettings.Roles roles;
    private final String groupsClaim;

    RoleMapping(WebSettings.Roles roles, String groupsClaim) {
        this.roles = roles;
        this.groupsClaim = groupsClaim;
    }

    Optional<ConsoleRole> roleOf(Map<String, Object> claims) {
        Set<String> identities = identities(claims);
        if (matches(roles.admin(), identities)) {
            return Optional.of(ConsoleRole.ADMIN);
        }
        if (matches(roles.responder(), identities)) {
            return Optional.of(ConsoleRole.RESPONDER);
        }
        if (matches(roles.viewer(), identities)) {
            return Optional.of(ConsoleRole.VIEWER);
        }
        return ConsoleRole.parse(roles.defaultRole());
    }

    /** Groups, {@code claim=value} for every string claim, e-mail, subject and Slack user id. */
    Set<String> identities(Map<String, Object> claims) {
        Set<String> out = new LinkedHashSet<>();
        out.addAll(strings(claims.get(groupsClaim)));
        for (Map.Entry<String, Object> claim : claims.entrySet()) {
            for (String value : strings(claim.getValue())) {
                out.add(claim.getKey() + "=" + value);
            }
        }
        for (String key : List.of("sub", "email", SLACK_USER_ID_CLAIM)) {
            Object v = claims.get(key);
            if (v instanceof String s && !s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean matches(List<String> configured, Set<String> identities) {
        return configured.stream().map(String::strip).anyMatch(identities::contains);
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> {
                if (v != null) {
                    out.add(v.toString());
                }
            });
        }
        return out;
    }
}
