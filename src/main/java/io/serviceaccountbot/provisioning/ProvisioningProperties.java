package io.serviceaccountbot.provisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the tenant's APIs are.
 *
 * @param graphBaseUrl the Microsoft Graph v1.0 endpoint; empty means the public cloud in production and the simulated
 *     tenant ({@code http://127.0.0.1:<port>/sandbox/graph/v1.0}) in sandbox mode
 */
@ConfigurationProperties("bot.provisioning")
public record ProvisioningProperties(String graphBaseUrl) {}
