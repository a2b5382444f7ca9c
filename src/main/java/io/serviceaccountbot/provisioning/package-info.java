/**
 * Provisioning plans and the tenant operations they need, behind ports named for what the bot needs: {@link
 * io.serviceaccountbot.provisioning.Directory} (Microsoft Entra ID through Microsoft Graph) and, later, {@code
 * ExchangeAdmin} and {@code SecretStore}. Adapters live in sub-packages ({@code graph}, {@code exchange}, {@code
 * secrets}); vendor types never leave them.
 *
 * <p>Generated passwords ({@link io.serviceaccountbot.provisioning.PasswordGenerator}) go to the {@link
 * io.serviceaccountbot.provisioning.SecretStore} under a name from {@link
 * io.serviceaccountbot.provisioning.SecretNames}, never into chat, logs or the audit log; the bot's reply quotes the
 * store's location instead.
 */
package io.serviceaccountbot.provisioning;
