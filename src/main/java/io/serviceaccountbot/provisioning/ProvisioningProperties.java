package io.serviceaccountbot.provisioning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the tenant's APIs are.
 *
 * @param graphBaseUrl the Microsoft Graph v1.0 endpoint; empty means the public cloud in production and the simulated
 *     tenant ({@code http://127.0.0.1:<port>/sandbox/graph/v1.0}) in sandbox mode
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
        String exchangeBaseUrl,
        String exchangeOrganization,
        @DefaultValue("60s") Duration exchangeTimeout) {}
