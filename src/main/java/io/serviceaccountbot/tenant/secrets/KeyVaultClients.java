package io.serviceaccountbot.tenant.secrets;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.ClientOptions;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Builds the Key Vault client: OkHttp (the Graph SDK's HTTP client, so no Netty), tokens from the bot's token service,
 * HTTP logging off whatever {@code AZURE_HTTP_LOG_DETAIL_LEVEL} says (a request body holds the password), and the SDK's
 * retries with exponential backoff that honours Retry-After.
 *
 * <p>The SDK checks that the resource in Key Vault's bearer challenge belongs to the vault's domain, so a host posing
 * as a vault cannot obtain a Key Vault token. A vault on the loopback address (a local emulator or test double) has no
 * such domain; for it alone the check is off.
 */
final class KeyVaultClients {

    static final String APPLICATION_ID = "service-account-bot";

    private KeyVaultClients() {}

    /**
     * @param vault the vault's https URI
     * @param credential where tokens come from
     * @param timeout the longest wait for one answer
     * @param retry how failed requests are retried; null for the SDK's default (3 retries, exponential backoff)
     * @param base an OkHttp client to start from (its TLS settings are kept); null for a new one
     */
    static SecretClient create(
            URI vault, TokenCredential credential, Duration timeout, RetryOptions retry, OkHttpClient base) {
        OkHttpAsyncHttpClientBuilder http =
                base == null ? new OkHttpAsyncHttpClientBuilder() : new OkHttpAsyncHttpClientBuilder(base);
        http.connectionTimeout(timeout)
                .writeTimeout(timeout)
                .readTimeout(timeout)
                .responseTimeout(timeout);
        SecretClientBuilder builder = new SecretClientBuilder()
                .vaultUrl(vault.toString())
                .credential(credential)
                .httpClient(http.build())
                .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE))
                .clientOptions(new ClientOptions().setApplicationId(APPLICATION_ID));
        if (retry != null) {
            builder.retryOptions(retry);
        }
        if (isLoopback(vault.getHost())) {
            builder.disableChallengeResourceVerification();
        }
        return builder.buildClient();
    }

    /** The vault's name: the first label of its host, e.g. {@code kv-bots} for {@code kv-bots.vault.azure.net}. */
    static String vaultName(URI vault) {
        String host = vault.getHost();
        int dot = host.indexOf('.');
        return dot > 0 && !Character.isDigit(host.charAt(0)) ? host.substring(0, dot) : host;
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.startsWith("[")) {
            return false; // a DNS name is never looked up here: it would trust whatever the resolver says
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
