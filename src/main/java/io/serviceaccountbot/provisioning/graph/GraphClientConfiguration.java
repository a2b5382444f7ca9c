package io.serviceaccountbot.provisioning.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.provisioning.Directory;
import io.serviceaccountbot.provisioning.ProvisioningProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Builds the Graph client at start-up, in the background, and points it at its base URL on first use: in sandbox mode
 * the simulated tenant's port is only known once the web server has started.
 */
@Configuration(proxyBeanMethods = false)
class GraphClientConfiguration {

    static final String PUBLIC_CLOUD = "https://graph.microsoft.com/v1.0";

    /** Built in the background while the rest starts: the Graph SDK is large, and the first message needs it. */
    @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
    GraphServiceClient graphServiceClient(
            ProvisioningProperties properties, BotIdentity identity, AccessTokens tokens, Environment environment) {
        return client(baseUrl(properties, identity, environment), tokens);
    }

    @Bean
    Directory directory(
            ObjectProvider<GraphServiceClient> graph,
            ProvisioningProperties properties,
            BotIdentity identity,
            Environment environment) {
        return new GraphDirectory(SingletonSupplier.of(() -> {
            GraphServiceClient client = graph.getObject();
            client.getRequestAdapter().setBaseUrl(baseUrl(properties, identity, environment));
            return client;
        }));
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

    static GraphServiceClient client(String baseUrl, AccessTokens tokens) {
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
        var httpClient = GraphClientFactory.create()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(100))
                .build();
        GraphServiceClient client = new GraphServiceClient(authentication, httpClient);
        client.getRequestAdapter().setBaseUrl(baseUrl);
        return client;
    }
}
