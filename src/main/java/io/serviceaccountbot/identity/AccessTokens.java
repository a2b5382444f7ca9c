package io.serviceaccountbot.identity;

/**
 * Access tokens for the Microsoft APIs the bot calls, obtained with the bot's own credential. Tokens are secrets:
 * callers put them in an Authorization header and nowhere else.
 */
public interface AccessTokens {

    /** Microsoft Bot Connector (replies, card updates, proactive messages). */
    String BOT_CONNECTOR = "https://api.botframework.com/.default";

    /** Microsoft Graph. */
    String GRAPH = "https://graph.microsoft.com/.default";

    /** Exchange Online admin API. */
    String EXCHANGE = "https://outlook.office365.com/.default";

    /**
     * Azure Resource Manager, for the jobs of the Exchange Server runner in an Azure Automation account
     * ({@code deploy/exchange-server/PROTOCOL.md}).
     */
    String AZURE_MANAGEMENT = "https://management.azure.com/.default";

    /**
     * A valid access token for the scope, from cache while it has more than a few minutes to live.
     *
     * @throws TokenUnavailableException when the identity platform refuses or cannot be reached
     */
    String forScope(String scope);
}
