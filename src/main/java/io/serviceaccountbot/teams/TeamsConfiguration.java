package io.serviceaccountbot.teams;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.BotIdentity;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.readTimeout());
        return new BotConnector(
                restClients.clone().requestFactory(requestFactory).build(),
                tokens,
                identity,
                new SendPacer(properties.sendsPerSecond(), properties.sendsPerThirtySeconds()),
                new RetryDelays(properties.sendBackoff(), properties.maxSendBackoff()),
                properties.sendAttempts(),
                duration -> Thread.sleep(duration.toMillis()),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean(destroyMethod = "close")
    TurnQueue turnQueue(TeamsProperties properties) {
        return new TurnQueue(properties.turnWorkers(), properties.maxPendingTurns());
    }

    @Bean
    FilterRegistrationBean<ActivitySizeLimit> activitySizeLimit(TeamsProperties properties) {
        FilterRegistrationBean<ActivitySizeLimit> registration = new FilterRegistrationBean<>(
                new ActivitySizeLimit(properties.maxActivitySize().toBytes()));
        registration.addUrlPatterns("/api/messages");
        return registration;
    }
}
