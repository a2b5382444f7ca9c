/**
 * Provisioning plans and the tenant operations they need, behind ports named for what the bot needs: {@link
 * io.serviceaccountbot.provisioning.Directory} (Microsoft Entra ID through Microsoft Graph) and, later, {@code
 * ExchangeAdmin} and {@code SecretStore}. Adapters live in sub-packages ({@code graph}, {@code exchange}, {@code
 * secrets}); vendor types never leave them.
 */
package io.serviceaccountbot.provisioning;
