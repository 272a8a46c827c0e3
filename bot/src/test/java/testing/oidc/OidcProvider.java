package testing.oidc;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the console's browser tests: Spring Authorization Server on a random port
 * (discovery, authorization code flow, signed ID tokens, its own sign-in page), with people and their groups.
 * It lives outside {@code dev.firebreak} so the bot's component scan never picks it up, and reads no
 * {@code application.yml} of the bot ({@code spring.config.name}).
 */
@SpringBootApplication
public class OidcProvider {

    public static final String CLIENT_ID = "firebreak-console";
    public static final String CLIENT_SECRET = "console-client-secret-5d1";

    /** A person: name, password, groups (the {@code groups} claim of their ID token). */
    public record Person(String name, String password, List<String> groups) {}

    private static List<Person> people = List.of();

    private final ConfigurableApplicationContext context;

    private OidcProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public OidcProvider() {
        this.context = null;
    }

    /** Starts the provider; its issuer is {@code http://127.0.0.1:<port>}; redirects go back to loopback apps. */
    public static synchronized OidcProvider start(List<Person> persons) {
        people = List.copyOf(persons);
        String client = "spring.security.oauth2.authorizationserver.client.firebreak.";
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(OidcProvider.class)
                .properties(Map.of(
                        "spring.config.name", "oidc-provider",
                        "server.port", "0",
                        "server.address", "127.0.0.1",
                        "spring.main.banner-mode", "off",
                        "spring.flyway.enabled", "false",
                        "spring.application.name", "oidc-provider"))
                .properties(
                        client + "registration.client-id=" + CLIENT_ID,
                        client + "registration.client-secret={noop}" + CLIENT_SECRET,
                        client + "registration.client-authentication-methods=client_secret_basic",
                        client + "registration.authorization-grant-types=authorization_code,refresh_token",
                        // RFC 8252: a loopback redirect URI matches any port, so the app's random port needs no setup.
                        client + "registration.redirect-uris=http://127.0.0.1/login/oauth2/code/oidc",
                        client + "registration.scopes=openid,profile,email",
                        client + "require-authorization-consent=false")
                .run();
        return new OidcProvider(ctx);
    }

    public String issuer() {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public void stop() {
        context.close();
    }

    @Bean
    UserDetailsService oidcPeople() {
        return new InMemoryUserDetailsManager(people.stream()
                .map(p -> (UserDetails) User.withUsername(p.name())
                        .password("{noop}" + p.password())
                        .authorities(p.groups().stream().map(g -> "GROUP_" + g).toArray(String[]::new))
                        .build())
                .toList());
    }

    /** Puts the person's groups, name and e-mail into the ID token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim() {
        return ctx -> {
            if (OidcParameterNames.ID_TOKEN.equals(ctx.getTokenType().getValue())) {
                List<String> groups = ctx.getPrincipal().getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("GROUP_"))
                        .map(a -> a.substring(6))
                        .toList();
                ctx.getClaims()
                        .claim("groups", groups)
                        .claim("preferred_username", ctx.getPrincipal().getName())
                        .claim("email", ctx.getPrincipal().getName() + "@example.com");
            }
        };
    }
}
