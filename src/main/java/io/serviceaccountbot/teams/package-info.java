/**
 * The Bot Connector protocol, spoken by hand because the Bot Framework SDK for Java is retired: {@code
 * /api/messages}, inbound JWT authentication (Spring Security), the Activity model, replies, card updates, proactive
 * sends, stored conversation references, and the Adaptive Card and Teams-markdown building blocks.
 *
 * <p>It decides nothing about what the bot says. Each activity is authenticated, checked against the tenant, its
 * conversation remembered, a redelivery dropped, and the turn queued per conversation (so a slow tenant never holds
 * Teams' 15-second window), then handed to the {@link io.serviceaccountbot.teams.Conversation} the chat layer
 * implements; card actions ({@code invoke}) are answered synchronously because Teams shows the answer in place.
 */
package io.serviceaccountbot.teams;
