package io.serviceaccountbot.provisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the tenant's APIs are, and the defaults of the provisioning procedure.
 *
 * @param graphBaseUrl the Microsoft Graph v1.0 endpoint; empty means the public cloud in production and the simulated
 *     tenant ({@code http://127.0.0.1:<port>/sandbox/graph/v1.0}) in sandbox mode
 * @param defaultLicense the licence new service accounts get unless the command names one, by skuPartNumber
 *     ({@code STANDARDPACK} is Office 365 E1, the article's minimum)
 * @param defaultUsageLocation the usage location new service accounts get unless the command names one; Microsoft
 *     requires one before a licence can be assigned
 */
@ConfigurationProperties("bot.provisioning")
public record ProvisioningProperties(
        String graphBaseUrl,
        @DefaultValue("STANDARDPACK") String defaultLicense,
        @DefaultValue("US") String defaultUsageLocation) {}
