package dev.firebreak.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * When the OIDC provider cannot be reached (its discovery document is read at the first sign-in), the sign-in button
 * leads back to the sign-in page with a message instead of an error: the resolver answers "no request" and this
 * controller, behind it, redirects.
 */
@Controller
class SignInUnavailable {

    static final String START = "/oauth2/authorization/" + OidcRegistrations.ID;

    /** Spring's resolver, except that a provider it cannot reach is "no request" rather than an exception. */
    static OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver delegate =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return guarded(() -> delegate.resolve(request));
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
                return guarded(() -> delegate.resolve(request, clientRegistrationId));
            }
        };
    }

    private static OAuth2AuthorizationRequest guarded(java.util.function.Supplier<OAuth2AuthorizationRequest> resolve) {
        try {
            return resolve.get();
        } catch (IllegalArgumentException unknownOrUnreachable) {
            return null;
        }
    }

    @GetMapping(START)
    String unavailable() {
        return "redirect:/login?unavailable";
    }
}
