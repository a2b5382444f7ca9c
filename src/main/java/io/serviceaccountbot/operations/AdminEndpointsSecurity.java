package io.serviceaccountbot.operations;

import io.serviceaccountbot.audit.AuditProperties;
import io.serviceaccountbot.identity.BotIdentity;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read the admin endpoints: the audit export ({@code /admin/audit}) and the metrics
 * ({@code /actuator/prometheus}). In production: a bearer token from the tenant's Entra ID, issued for the bot's app,
 * carrying the endpoint's app role (assigned to an application or a person); nothing else. In sandbox mode the server
 * listens on loopback only, and they are open to this machine.
 */
@Configuration(proxyBeanMethods = false)
class AdminEndpointsSecurity {

    static final String ROLE_AUTHORITY_PREFIX = "APPROLE_";

    @Bean
    @Order(20)
    SecurityFilterChain adminEndpointsFilterChain(
            HttpSecurity http, BotIdentity identity, AuditProperties audit, OperationsProperties operations)
            throws Exception {
        http.securityMatcher("/admin/**", "/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        if (identity.mode().isSandbox()) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
            return http.build();
        }
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix(ROLE_AUTHORITY_PREFIX);
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/admin/audit")
                        .hasAuthority(ROLE_AUTHORITY_PREFIX + audit.exportRole())
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasAuthority(ROLE_AUTHORITY_PREFIX + operations.metricsRole())
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(server -> server.jwt(
                        jwt -> jwt.decoder(decoder(identity, operations)).jwtAuthenticationConverter(authentication)));
        return http.build();
    }

    /**
     * Tokens signed by the tenant's Entra ID keys, from its issuer, for this bot's app (by client id or app id URI),
     * with sane times ({@link TokenTimes}).
     */
    static JwtDecoder decoder(BotIdentity identity, OperationsProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUriFor(identity.tenantId()))
                .build();
        List<String> audiences = List.of(identity.appId(), "api://" + identity.appId());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new TokenTimes(Clock.systemUTC()),
                new JwtIssuerValidator(properties.issuerFor(identity.tenantId())),
                token -> {
                    boolean forThisApp = token.getAudience() != null
                            && token.getAudience().stream().anyMatch(audiences::contains);
                    return forThisApp
                            ? OAuth2TokenValidatorResult.success()
                            : OAuth2TokenValidatorResult.failure(
                                    new OAuth2Error("invalid_token", "The token is not for this bot's app", null));
                }));
        return decoder;
    }
}
