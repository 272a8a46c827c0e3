package dev.firebreak.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two security chains. The console's paths ({@link #CONSOLE_PATHS}): signed in (local accounts or OIDC), roles
 * checked on every request (GET needs viewer, anything else responder, {@code /operations} admin), CSRF on every
 * form, and a Content-Security-Policy that allows no inline script or style. Everything else ({@code /api/**} with
 * its bearer token filter, {@code /webhooks/**}, {@code /slack/**}, {@code /actuator/**}, {@code /error}, unknown
 * paths) keeps its own authentication exactly as before: no session, no CSRF, no extra headers, JSON errors.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(WebSettings.class)
class WebSecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The console's own paths; everything else (the API, webhooks, Slack, actuator, errors) is not the console's. */
    static final String[] CONSOLE_PATHS = {
        "/",
        "/login",
        "/logout",
        "/denied",
        "/oauth2/**",
        "/login/oauth2/**",
        "/incidents",
        "/incidents/**",
        "/postmortems",
        "/postmortems/**",
        "/runbooks",
        "/runbooks/**",
        "/insights",
        "/insights/**",
        "/operations",
        "/operations/**",
        "/console/**",
        "/webjars/**"
    };

    @Bean
    @Order(2)
    SecurityFilterChain machineEndpoints(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.disable())
                .requestCache(r -> r.disable())
                .securityContext(s -> s.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, WebSettings settings) throws Exception {
        http.securityMatcher(CONSOLE_PATHS)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/login", "/console/**", "/webjars/**", SignInUnavailable.START)
                        .permitAll()
                        .requestMatchers("/operations", "/operations/**")
                        .hasAuthority(ConsoleRole.ADMIN.authority())
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasAuthority(ConsoleRole.VIEWER.authority())
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .hasAuthority(ConsoleRole.VIEWER.authority())
                        .anyRequest()
                        .hasAuthority(ConsoleRole.RESPONDER.authority()))
                .exceptionHandling(e -> e.accessDeniedPage("/denied"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (LocalAccounts.enabled(settings)) {
            http.formLogin(f ->
                    f.loginPage("/login").defaultSuccessUrl("/incidents", false).failureUrl("/login?error"));
        }
        if (settings.oidc().enabled()) {
            OidcRegistrations registrations = new OidcRegistrations(settings.oidc());
            http.oauth2Login(o -> o.loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    .authorizationEndpoint(
                            a -> a.authorizationRequestResolver(SignInUnavailable.resolver(registrations)))
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcRoles(
                            new RoleMapping(settings.roles(), settings.oidc().groupsClaim()))))
                    .defaultSuccessUrl("/incidents", false)
                    .failureUrl("/login?denied"));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService consoleAccounts(WebSettings settings, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(LocalAccounts.of(settings, encoder));
    }
}
