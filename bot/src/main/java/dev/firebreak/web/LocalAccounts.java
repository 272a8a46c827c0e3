package dev.firebreak.web;

import dev.firebreak.system.security.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's local accounts. Without OIDC the admin account always exists: its password is configured
 * ({@code firebreak.web.admin.password}, plain or a {@code {bcrypt}} hash) or generated and logged once, like the
 * generated API token. With OIDC it exists only when a password is configured (break-glass access).
 */
final class LocalAccounts {

    private static final Logger log = LoggerFactory.getLogger(LocalAccounts.class);

    private LocalAccounts() {}

    /** Whether the sign-in page offers a password form: without OIDC always, with OIDC only for configured accounts. */
    static boolean enabled(WebSettings settings) {
        return !settings.oidc().enabled()
                || !WebSettings.blank(settings.admin().password())
                || !settings.users().isEmpty();
    }

    static List<UserDetails> of(WebSettings settings, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        WebSettings.Admin admin = settings.admin();
        if (!WebSettings.blank(admin.password())) {
            users.add(user(admin.username(), admin.password(), ConsoleRole.ADMIN, encoder));
        } else if (!settings.oidc().enabled()) {
            String generated = Secrets.newToken();
            log.warn(
                    "\n\nUsing generated console password for '{}': {}\n\nSign in at http://localhost:<port>/ ; set "
                            + "firebreak.web.admin.password (FIREBREAK_WEB_ADMIN_PASSWORD) to choose your own, or configure "
                            + "firebreak.web.oidc.* for single sign-on. This one changes at every restart.\n",
                    admin.username(),
                    generated);
            users.add(user(admin.username(), generated, ConsoleRole.ADMIN, encoder));
        }
        for (WebSettings.LocalUser u : settings.users()) {
            if (WebSettings.blank(u.username()) || WebSettings.blank(u.password())) {
                throw new IllegalStateException("firebreak.web.users: every account needs a username and a password");
            }
            ConsoleRole role = ConsoleRole.parse(u.role())
                    .orElseThrow(() -> new IllegalStateException(
                            "firebreak.web.users: role of '" + u.username() + "' must be viewer, responder or admin"));
            users.add(user(u.username(), u.password(), role, encoder));
        }
        return users;
    }

    private static UserDetails user(String name, String password, ConsoleRole role, PasswordEncoder encoder) {
        String stored = password.startsWith("{") ? password : encoder.encode(password);
        return User.withUsername(name.strip().toLowerCase(Locale.ROOT))
                .password(stored)
                .authorities(role.authorities())
                .build();
    }
}
