package io.serviceaccountbot.provisioning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the tenant's APIs are, how patiently the bot talks to them, and the defaults of the provisioning procedure.
 *
 * @param graphBaseUrl the Microsoft Graph v1.0 endpoint; empty means the public cloud in production and the simulated
 *     tenant ({@code http://127.0.0.1:<port>/sandbox/graph/v1.0}) in sandbox mode
 * @param defaultLicense the licence new service accounts get unless the command names one, by skuPartNumber
 *     ({@code STANDARDPACK} is Office 365 E1, the article's minimum)
 * @param defaultUsageLocation the usage location new service accounts get unless the command names one; Microsoft
 *     requires one before a licence can be assigned
 * @param graphTimeout how long one Microsoft Graph request may take before the bot gives up on it
 * @param graphMaxRetries how many times a Microsoft Graph request is tried again when Graph throttles it (429) or
 *     cannot serve it (503, 504)
 * @param graphMaxRetryWait the longest the bot waits before trying a Microsoft Graph request again; when Graph asks
 *     for a longer wait (Retry-After), the bot does not retry and reports that Graph is throttling it
 * @param exchangeBaseUrl the Exchange Online admin API host, to which {@code /adminapi/beta/<tenant>/InvokeCommand} is
 *     appended; empty means {@code https://outlook.office365.com} in production and the simulated tenant ({@code
 *     http://127.0.0.1:<port>/sandbox/exchange}) in sandbox mode
 * @param exchangeOrganization the organisation's initial domain (e.g. {@code contoso.onmicrosoft.com}), used in the
 *     {@code X-AnchorMailbox} routing hint of Exchange calls; empty means the tenant id
 * @param exchangeTimeout how long one Exchange call may take before it is abandoned (and retried, up to four attempts)
 */
@ConfigurationProperties("bot.provisioning")
public record ProvisioningProperties(
        String graphBaseUrl,
        @DefaultValue("STANDARDPACK") String defaultLicense,
        @DefaultValue("US") String defaultUsageLocation,
        @DefaultValue("30s") Duration graphTimeout,
        @DefaultValue("3") int graphMaxRetries,
        @DefaultValue("30s") Duration graphMaxRetryWait,
        String exchangeBaseUrl,
        String exchangeOrganization,
        @DefaultValue("60s") Duration exchangeTimeout) {

    public ProvisioningProperties {
        if (graphTimeout == null || graphTimeout.isNegative() || graphTimeout.isZero()) {
            throw new IllegalArgumentException("bot.provisioning.graph-timeout must be positive, e.g. 30s");
        }
        if (graphMaxRetries < 0 || graphMaxRetries > 10) {
            throw new IllegalArgumentException("bot.provisioning.graph-max-retries must be between 0 and 10");
        }
        if (graphMaxRetryWait == null || graphMaxRetryWait.isNegative()) {
            throw new IllegalArgumentException("bot.provisioning.graph-max-retry-wait must not be negative, e.g. 30s");
        }
    }
}
