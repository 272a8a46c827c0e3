package dev.firebreak.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The console's roles, each including the ones below it: viewer reads, responder acts, admin runs operations. */
public enum ConsoleRole {
    VIEWER,
    RESPONDER,
    ADMIN;

    /** {@code ROLE_VIEWER} ...: the authority Spring Security checks. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role and every role below it, as authorities (no role hierarchy needed to check "at least"). */
    public List<GrantedAuthority> authorities() {
        return Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code viewer}/{@code responder}/{@code admin}; empty for {@code none} or anything else. */
    public static Optional<ConsoleRole> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(r -> r.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }
}
