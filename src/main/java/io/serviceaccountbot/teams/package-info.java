/**
 * The Bot Connector protocol, spoken by hand because the Bot Framework SDK for Java is retired: {@code
 * /api/messages}, inbound JWT authentication (Spring Security), the Activity model, replies, card updates, proactive
 * sends, stored conversation references, and rendering answers as Adaptive Cards.
 *
 * <p>Nothing outside this package sees an Activity or card JSON. Messages are answered on a per-conversation queue
 * after the HTTP request is acknowledged, so a slow tenant never holds Teams' 15-second window; card actions
 * ({@code invoke}) are answered synchronously because Teams shows the answer in place.
 */
package io.serviceaccountbot.teams;
