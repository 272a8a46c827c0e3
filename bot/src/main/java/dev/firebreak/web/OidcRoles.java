package dev.firebreak.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Loads the signed-in OIDC user (ID token, and user info when the provider has it) and gives it exactly one console
 * role from {@link RoleMapping}; nobody matching with {@code default-role: none} is refused.
 */
final class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final RoleMapping mapping;

    OidcRoles(RoleMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        Map<String, Object> claims = new HashMap<>(user.getClaims());
        Optional<ConsoleRole> role = mapping.roleOf(claims);
        if (role.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    "access_denied",
                    "Your account has no Firebreak role; ask an admin to add one of your groups to firebreak.web.roles",
                    null));
        }
        String nameKey = user.getClaims().containsKey("preferred_username")
                ? "preferred_username"
                : user.getClaims().containsKey("email") ? "email" : "sub";
        return new DefaultOidcUser(role.get().authorities(), user.getIdToken(), user.getUserInfo(), nameKey);
    }
}
