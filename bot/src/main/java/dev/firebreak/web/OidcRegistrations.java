package dev.firebreak.web;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The one OIDC client ({@code oidc}), built from the issuer's discovery document on the first sign-in rather than
 * at start-up: a provider that is down when Firebreak starts must not stop webhooks and Slack from working.
 * A failed discovery is tried again at the next sign-in.
 */
final class OidcRegistrations implements ClientRegistrationRepository {

    static final String ID = "oidc";
    private static final Logger log = LoggerFactory.getLogger(OidcRegistrations.class);

    private final WebSettings.Oidc settings;
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

    OidcRegistrations(WebSettings.Oidc settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration.get();
        if (known != null) {
            return known;
        }
        try {
            ClientRegistration built = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                    .registrationId(ID)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(settings.scopes())
                    .clientName(settings.displayName())
                    .build();
            registration.compareAndSet(null, built);
            return registration.get();
        } catch (RuntimeException e) {
            log.warn("OIDC discovery at {} failed: {}", settings.issuerUri(), e.getMessage());
            return null;
        }
    }
}
