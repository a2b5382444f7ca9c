package io.serviceaccountbot.teams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The Bot Connector protocol: how inbound activities are authenticated and bounded, and how the bot sends.
 *
 * @param openidMetadataUrl the Bot Framework OpenID metadata document; its {@code jwks_uri} gives the keys that sign
 *     inbound tokens
 * @param tokenIssuer the issuer inbound tokens must carry
 * @param clockSkew how far token times may be off
 * @param maxActivitySize the largest request body accepted on {@code /api/messages}; larger ones get 413
 * @param turnWorkers threads answering messages (each turn may call the tenant, so they block)
 * @param maxPendingTurns messages accepted but not yet answered; beyond this, new messages get 503
 * @param maxPendingTurnsPerConversation messages of one conversation accepted but not yet answered; beyond this, its
 *     new messages are skipped (acknowledged, not answered) and it is told once per {@code slow-down-window} to slow
 *     down, so that one conversation cannot fill the queue for everyone
 * @param maxPendingTurnsPerSender the same for one sender (by Entra object id) across all their conversations
 * @param slowDownWindow how often at most a conversation that exceeds its limit is told to slow down
 * @param sendAttempts how many times a send to the connector is tried on 429, 412, 502, 503 or 504, or when no Bot
 *     Connector token could be had
 * @param sendBackoff the first retry delay; it doubles per attempt, with jitter, unless Retry-After says more
 * @param maxSendBackoff the longest single wait between two attempts, Retry-After included
 * @param sendsPerSecond bot-initiated sends (proactive messages, card updates) per conversation per second
 * @param sendsPerThirtySeconds bot-initiated sends per conversation per 30 seconds
 * @param connectTimeout connecting to the connector
 * @param readTimeout waiting for the connector's answer
 * @param redeliveryWindow how long the ids of handled messages are remembered, so that a message Teams delivers again
 *     does not run its command twice; and how long the opening of a personal chat (the welcome and the waiting approval
 *     cards) is remembered, so that another announcement of the same install changes nothing
 * @param redeliveryCleanup how often remembered message ids older than the redelivery window are deleted
 * @param approvalsChannel the conversation id of a Teams channel (e.g. {@code 19:…@thread.tacv2}) that gets a copy of
 *     every approval card, besides the approvers' personal chats; empty for none. The bot must be in that team and
 *     must have seen the channel (installed there, or mentioned in it) to know where to post
 */
@ConfigurationProperties("bot.teams")
public record TeamsProperties(
        @DefaultValue("https://login.botframework.com/v1/.well-known/openidconfiguration")
        String openidMetadataUrl,

        @DefaultValue("https://api.botframework.com") String tokenIssuer,
        @DefaultValue("5m") Duration clockSkew,
        @DefaultValue("2MB") DataSize maxActivitySize,
        @DefaultValue("16") int turnWorkers,
        @DefaultValue("2000") int maxPendingTurns,
        @DefaultValue("50") int maxPendingTurnsPerConversation,
        @DefaultValue("100") int maxPendingTurnsPerSender,
        @DefaultValue("1m") Duration slowDownWindow,
        @DefaultValue("5") int sendAttempts,
        @DefaultValue("250ms") Duration sendBackoff,
        @DefaultValue("30s") Duration maxSendBackoff,
        @DefaultValue("7") int sendsPerSecond,
        @DefaultValue("60") int sendsPerThirtySeconds,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("24h") Duration redeliveryWindow,
        @DefaultValue("1h") Duration redeliveryCleanup,
        String approvalsChannel) {

    /** Whether an approvals channel is configured. */
    public boolean hasApprovalsChannel() {
        return approvalsChannel != null && !approvalsChannel.isBlank();
    }
}
