package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ImpersonationProbe;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the Exchange adapter: its own pooled HTTP client with connect, response and socket timeouts, and the
 * InvokeCommand URL, which is decided on first use because in sandbox mode the simulated tenant's port is known only
 * once the web server has started.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeClientConfiguration {

    static final String PUBLIC_CLOUD = "https://outlook.office365.com";

    /** How cmdlets reach the organisation's Exchange: Exchange Online's InvokeCommand, or the runner's jobs. */
    @Bean
    CmdletTransport cmdletTransport(
            RestClient.Builder restClients,
            JsonMapper json,
            ProvisioningProperties properties,
            BotIdentity identity,
            AccessTokens tokens,
            Environment environment,
            ObjectProvider<ExchangeServerRunner> runner,
            ObjectProvider<ExchangeWarningListener> listeners) {
        ExchangeWarningListener warnings =
                (cmdlet, said) -> listeners.orderedStream().forEach(listener -> listener.onWarnings(cmdlet, said));
        if (properties.exchangeFlavour() == ProvisioningProperties.ExchangeFlavour.EXCHANGE_SERVER) {
            return new RunnerTransport(runner.getObject(), warnings);
        }
        return new InvokeCommandClient(
                restClients
                        .clone()
                        .requestFactory(requests(properties.exchangeTimeout()))
                        .build(),
                json,
                SingletonSupplier.of(() -> endpoint(baseUrl(properties, identity, environment), identity.tenantId())),
                () -> organization(properties, identity),
                tokens,
                InvokeCommandClient.DEFAULT_PAGE_SIZE,
                Retries.standard(),
                warnings);
    }

    @Bean
    ExchangeAdmin exchangeAdmin(CmdletTransport cmdletTransport) {
        return new CmdletExchangeAdmin(cmdletTransport);
    }

    /**
     * Where service accounts are made: Active Directory through the runner on Exchange Server, else Entra ID (Graph).
     */
    @Bean
    AccountDirectory accountDirectory(
            CmdletTransport cmdletTransport, Directory directory, ProvisioningProperties properties) {
        return properties.exchangeFlavour() == ProvisioningProperties.ExchangeFlavour.EXCHANGE_SERVER
                ? new ExchangeServerAccounts(cmdletTransport)
                : AccountDirectory.entra(directory);
    }

    @Bean
    ImpersonationProbe impersonationProbe(
            ProvisioningProperties properties, BotIdentity identity, Environment environment) {
        return new EwsImpersonationProbe(
                SingletonSupplier.of(() -> URI.create(ewsUrl(properties, identity, environment))),
                properties.exchangeTimeout());
    }

    /** Exchange Web Services: configured, else the simulated tenant's in sandbox mode, else Exchange Online's. */
    static String ewsUrl(ProvisioningProperties properties, BotIdentity identity, Environment environment) {
        if (properties.ewsUrl() != null && !properties.ewsUrl().isBlank()) {
            return properties.ewsUrl().trim();
        }
        if (identity.mode().isSandbox()) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "3978"));
            return "http://127.0.0.1:" + port + "/sandbox/ews/Exchange.asmx";
        }
        return PUBLIC_CLOUD + "/EWS/Exchange.asmx";
    }

    static String baseUrl(ProvisioningProperties properties, BotIdentity identity, Environment environment) {
        if (properties.exchangeBaseUrl() != null
                && !properties.exchangeBaseUrl().isBlank()) {
            return properties.exchangeBaseUrl().trim();
        }
        if (identity.mode().isSandbox()) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "3978"));
            return "http://127.0.0.1:" + port + "/sandbox/exchange";
        }
        return PUBLIC_CLOUD;
    }

    static URI endpoint(String baseUrl, String tenantId) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + "/adminapi/beta/" + tenantId + "/InvokeCommand");
    }

    static String organization(ProvisioningProperties properties, BotIdentity identity) {
        String organization = properties.exchangeOrganization();
        return organization == null || organization.isBlank() ? identity.tenantId() : organization.trim();
    }

    /** Every call ends: connecting, waiting for the answer, and each read between bytes are all bounded. */
    static HttpComponentsClientHttpRequestFactory requests(Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        Timeout connect = Timeout.of(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10));
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(32)
                        .setMaxConnPerRoute(16)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(limit)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(limit)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
        factory.setReadTimeout(timeout);
        factory.setConnectionRequestTimeout(connect.toDuration());
        return factory;
    }
}
