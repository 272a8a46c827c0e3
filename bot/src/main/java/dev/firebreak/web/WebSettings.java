package dev.firebreak.web;

import dev.firebreak.system.security.Secrets;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.web.*}: the console's sign-in and roles.
 *
 * @param secureCookies  the session cookie is {@code Secure} (browsers send it over https and to {@code localhost});
 *                       false only for plain http on another host name
 * @param admin          the local admin account (always there without OIDC; with OIDC only when a password is set)
 * @param users          more local accounts (name, password or {@code {bcrypt}} hash, role)
 * @param oidc           single sign-on; off while {@code issuer-uri} is blank
 * @param roles          which OIDC groups, claims or Slack user ids get which role
 */
@ConfigurationProperties("firebreak.web")
public record WebSettings(
        @DefaultValue("true") boolean secureCookies,
        @DefaultValue Admin admin,
        List<LocalUser> users,
        @DefaultValue Oidc oidc,
        @DefaultValue Roles roles) {

    public WebSettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** @param password blank: generated at start-up and logged once */
    public record Admin(@DefaultValue("admin") String username, String password) {
        @Override
        public String toString() {
            return "Admin[username=" + username + ", password=" + (blank(password) ? "<generated>" : "<redacted>")
                    + "]";
        }
    }

    public record LocalUser(
            String username,
            String password,
            @DefaultValue("viewer") String role) {
        @Override
        public String toString() {
            return "LocalUser[username=" + username + ", password=" + Secrets.redact(password) + ", role=" + role + "]";
        }
    }

    /**
     * @param issuerUri    the provider's issuer ({@code https://accounts.google.com}, {@code https://slack.com},
     *                     a Keycloak realm, Dex, Okta); its discovery document is read on the first sign-in
     * @param groupsClaim  the ID token or user-info claim that lists the person's groups
     * @param scopes       requested scopes (add {@code groups} for Dex/Keycloak/Okta when they need it)
     */
    public record Oidc(
            String issuerUri,
            String clientId,
            String clientSecret,
            @DefaultValue("groups") String groupsClaim,
            @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
            @DefaultValue("Single sign-on") String displayName) {

        public boolean enabled() {
            return !blank(issuerUri) && !blank(clientId);
        }

        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret="
                    + Secrets.redact(clientSecret) + ", groupsClaim=" + groupsClaim + ", scopes=" + scopes + "]";
        }
    }

    /**
     * Each list holds group names (from the groups claim), {@code claim=value} pairs, e-mail addresses, subjects or
     * Slack user ids ({@code U0123ABC}, from Sign in with Slack's {@code https://slack.com/user_id} claim).
     * The highest matching role wins; nobody matching gets {@code default-role} ({@code none}: refused).
     */
    public record Roles(
            List<String> admin,
            List<String> responder,
            List<String> viewer,
            @DefaultValue("viewer") String defaultRole) {
        public Roles {
            admin = admin == null ? List.of() : List.copyOf(admin);
            responder = responder == null ? List.of() : List.copyOf(responder);
            viewer = viewer == null ? List.of() : List.copyOf(viewer);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
