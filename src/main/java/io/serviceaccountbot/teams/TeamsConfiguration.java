package io.serviceaccountbot.teams;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.BotIdentity;
import java.time.Clock;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Wires the Bot Connector client: one pooled HTTP client, retries, and per-conversation pacing. */
@Configuration(proxyBeanMethods = false)
class TeamsConfiguration {

    @Bean
    BotConnector botConnector(
            RestClient.Builder restClients,
            AccessTokens tokens,
            BotIdentity identity,
            TeamsProperties properties,
            ObjectProvider<Clock> clock) {
        return new BotConnector(
                restClients
                        .clone()
                        .requestFactory(connectorRequests(properties))
                        .build(),
                tokens,
                identity,
                new SendPacer(properties.sendsPerSecond(), properties.sendsPerThirtySeconds()),
                BotConnector.backoff(
                        properties.sendBackoff(), properties.maxSendBackoff(), clock.getIfAvailable(Clock::systemUTC)),
                properties.sendAttempts(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    /** A pooled, blocking HTTP client: turns run on their own threads, so blocking sends cost no hand-offs. */
    private static HttpComponentsClientHttpRequestFactory connectorRequests(TeamsProperties properties) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(64)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .build())
                .build();
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }

    @Bean(destroyMethod = "close")
    TurnQueue turnQueue(TeamsProperties properties) {
        return new TurnQueue(properties.turnWorkers(), properties.maxPendingTurns());
    }

    @Bean
    PendingTurnLimits pendingTurnLimits(TeamsProperties properties) {
        return new PendingTurnLimits(
                properties.maxPendingTurnsPerConversation(), properties.maxPendingTurnsPerSender());
    }

    @Bean(destroyMethod = "close")
    SlowDownNotices slowDownNotices(BotConnector connector, TeamsProperties properties) {
        return new SlowDownNotices(connector, properties.slowDownWindow());
    }

    @Bean
    FilterRegistrationBean<ActivitySizeLimit> activitySizeLimit(TeamsProperties properties) {
        FilterRegistrationBean<ActivitySizeLimit> registration = new FilterRegistrationBean<>(
                new ActivitySizeLimit(properties.maxActivitySize().toBytes()));
        registration.addUrlPatterns("/api/messages");
        return registration;
    }
}
