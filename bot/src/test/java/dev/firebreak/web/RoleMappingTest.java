package dev.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Roles from what an OIDC provider says: groups, claim=value, e-mail, subject, Slack user id; highest wins. */
class RoleMappingTest {

    static final WebSettings.Roles ROLES = new WebSettings.Roles(
            List.of("sre-leads", "U0ADMIN"),
            List.of("sre-oncall", "department=platform", "ops@example.com"),
            List.of("support"),
            "none");

    static Optional<ConsoleRole> role(Map<String, Object> claims) {
        return new RoleMapping(ROLES, "groups").roleOf(claims);
    }

    @Test
    void theHighestMatchingRoleWins() {
        assertThat(role(Map.of("sub", "a", "groups", List.of("support", "sre-oncall"))))
                .contains(ConsoleRole.RESPONDER);
        assertThat(role(Map.of("sub", "a", "groups", List.of("sre-oncall", "sre-leads"))))
                .contains(ConsoleRole.ADMIN);
        assertThat(role(Map.of("sub", "a", "groups", List.of("support")))).contains(ConsoleRole.VIEWER);
    }

    @Test
    void claimsEmailsAndSlackUserIdsMatchToo() {
        assertThat(role(Map.of("sub", "a", "department", "platform"))).contains(ConsoleRole.RESPONDER);
        assertThat(role(Map.of("sub", "a", "email", "ops@example.com"))).contains(ConsoleRole.RESPONDER);
        assertThat(role(Map.of("sub", "a", RoleMapping.SLACK_USER_ID_CLAIM, "U0ADMIN")))
                .contains(ConsoleRole.ADMIN);
        assertThat(role(Map.of("sub", "a", "groups", "sre-leads")))
                .as("a single string group")
                .contains(ConsoleRole.ADMIN);
    }

    @Test
    void nobodyMatchingGetsTheDefaultRoleAndNoneRefuses() {
        assertThat(role(Map.of("sub", "stranger", "groups", List.of("marketing"))))
                .isEmpty();
        assertThat(new RoleMapping(new WebSettings.Roles(List.of(), List.of(), List.of(), "viewer"), "groups")
                        .roleOf(Map.of("sub", "x")))
                .contains(ConsoleRole.VIEWER);
        assertThat(role(Map.of("sub", "a", "groups", List.of("SRE-LEADS"))))
                .as("exact, case-sensitive")
                .isEmpty();
    }
}
