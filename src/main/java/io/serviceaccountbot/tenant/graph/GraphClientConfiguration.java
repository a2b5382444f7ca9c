package io.serviceaccountbot.tenant.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;
import io.micrometer.observation.ObservationRegistry;
import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Builds the Graph client at start-up, in the background, and points it at its base URL on first use: in sandbox mode
 * the simulated tenant's port is only known once the web server has started. The token goes only to the configured
 * Graph host; every request has a timeout, and the SDK's retry handler is replaced by {@link ThrottlingRetry}.
 */
@Configuration(proxyBeanMethods = false)
class GraphClientConfiguration {

    static final String PUBLIC_CLOUD = "https://graph.microsoft.com/v1.0";

    /** Built in the background while the rest starts: the Graph SDK is large, and the first message needs it. */
    @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
    GraphServiceClient graphServiceClient(
            ProvisioningProperties properties,
            BotIdentity identity,
            AccessTokens tokens,
            Environment environment,
            ObjectProvider<ObservationRegistry> observations) {
        return client(
                baseUrl(properties, identity, environment),
                tokens,
                GraphHttpSettings.from(properties),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    Directory directory(
            ObjectProvider<GraphServiceClient> graph,
            ProvisioningProperties properties,
            BotIdentity identity,
            Environment environment) {
        return new GraphDirectory(
                SingletonSupplier.of(() -> {
                    GraphServiceClient client = graph.getObject();
                    client.getRequestAdapter().setBaseUrl(baseUrl(properties, identity, environment));
                    return client;
                }),
                properties.graphTimeout());
    }

    static String baseUrl(ProvisioningProperties properties, BotIdentity identity, Environment environment) {
        if (properties.graphBaseUrl() != null && !properties.graphBaseUrl().isBlank()) {
            return properties.graphBaseUrl();
        }
        if (identity.mode().isSandbox()) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "3978"));
            return "http://127.0.0.1:" + port + "/sandbox/graph/v1.0";
        }
        return PUBLIC_CLOUD;
    }

    static GraphServiceClient client(
            String baseUrl, AccessTokens tokens, GraphHttpSettings settings, ObservationRegistry observations) {
        String host = URI.create(baseUrl).getHost();
        AccessTokenProvider tokenProvider = new AccessTokenProvider() {
            private final AllowedHostsValidator allowedHosts = new AllowedHostsValidator(host);

            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return allowedHosts.isUrlHostValid(uri) ? tokens.forScope(AccessTokens.GRAPH) : "";
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return allowedHosts;
            }
        };
        BaseBearerTokenAuthenticationProvider authentication = new BaseBearerTokenAuthenticationProvider(tokenProvider);
        OkHttpClient.Builder http = GraphClientFactory.create()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .callTimeout(settings.callTimeout());
        List<Interceptor> interceptors = http.interceptors();
        ThrottlingRetry retry = new ThrottlingRetry(settings.maxRetries(), settings.backoff(Clock.systemUTC()));
        int sdkRetry = indexOf(interceptors, RetryHandler.class);
        if (sdkRetry >= 0) {
            interceptors.set(sdkRetry, retry);
        } else {
            interceptors.add(retry);
        }
        interceptors.add(new JsonErrorBodies());
        interceptors.add(new RequestIdRecorder(observations));
        GraphServiceClient client = new GraphServiceClient(authentication, http.build());
        client.getRequestAdapter().setBaseUrl(baseUrl);
        return client;
    }

    private static int indexOf(List<Interceptor> interceptors, Class<?> type) {
        for (int i = 0; i < interceptors.size(); i++) {
            if (type.isInstance(interceptors.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
