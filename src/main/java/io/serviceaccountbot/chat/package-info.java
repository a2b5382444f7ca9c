/**
 * The chat: what the bot says to a typed command or a card's click, and the cards it says it with. It implements the
 * protocol's {@link io.serviceaccountbot.teams.Conversation}: a message is parsed by {@code command}, answered by the
 * {@code CommandAnswer} for its command, and sent through {@code teams}; a card's click is checked against the server's
 * own state, never the card's data.
 *
 * <p>{@code chat.approvals} holds the approval card's life cycle.
 */
package io.serviceaccountbot.chat;
