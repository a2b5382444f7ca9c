package io.serviceaccountbot.teams;

import io.serviceaccountbot.identity.BotIdentity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * Who may post activities. In production every request to {@code /api/messages} needs a valid Bot Framework token;
 * in sandbox mode anonymous activities are accepted (the server then listens on loopback only, and the controller
 * accepts only loopback service URLs).
 */
@Configuration(proxyBeanMethods = false)
class InboundSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain activitySecurity(HttpSecurity http, BotIdentity identity, TeamsProperties properties)
            throws Exception {
        statelessApi(http.securityMatcher("/api/**"));
        if (identity.mode().isSandbox()) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        } else {
            JwtDecoder decoder =
                    BotFrameworkTokenDecoder.create(properties, identity.appId(), metadataClient(properties));
            http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/messages")
                            .authenticated()
                            .anyRequest()
                            .denyAll())
                    .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)));
        }
        return http.build();
    }

    /**
     * Everything that is not the bot endpoint or an admin endpoint: open on loopback in sandbox; in production, health
     * and info (for the platform's probes), and the error page, so that a request that failed is answered with its
     * status (never with details) rather than a 403; nothing else.
     */
    @Bean
    @Order(100)
    SecurityFilterChain otherRequestsSecurity(HttpSecurity http, BotIdentity identity) throws Exception {
        statelessApi(http);
        if (identity.mode().isSandbox()) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        } else {
            http.authorizeHttpRequests(requests -> requests.requestMatchers(
                            "/actuator/health/**", "/actuator/health", "/actuator/info", "/error")
                    .permitAll()
                    .anyRequest()
                    .denyAll());
        }
        return http.build();
    }

    /** No sessions, cookies, CSRF tokens or login pages: every request stands on its own. */
    private static void statelessApi(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
    }

    private static RestTemplate metadataClient(TeamsProperties properties) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.connectTimeout());
        factory.setReadTimeout(properties.readTimeout());
        return new RestTemplate(factory);
    }
}
