/**
 * The Bot Connector protocol, spoken by hand because the Bot Framework SDK for Java is retired: {@code
 * /api/messages}, inbound JWT authentication (Spring Security), the Activity model, replies, card updates, proactive
 * sends, stored conversation references, and rendering answers as Adaptive Cards.
 *
 * <p>Nothing outside this package sees an Activity or card JSON. Messages are answered on a per-conversation queue
 * after the HTTP request is acknowledged, so a slow tenant never holds Teams' 15-second window; card actions
 * ({@code invoke}) are answered synchronously because Teams shows the answer in place.
 *
 * <p>Approvals are shown here and decided in {@code approval}: a privileged command becomes a request whose card goes
 * to the requester, to each approver's personal chat and to the approvals channel; a click is decided by the approval
 * rules and answered with the card as it now stands, without calling the tenant; and after every change, which the
 * approval module announces as an event, each posted copy of the card is replaced in place and the requester is told.
 * An approver who had no personal chat with the bot when a request opened gets its card after the welcome when they
 * open one, if the approval module says they may still decide it, and the requester's card stops naming them.
 */
package io.serviceaccountbot.teams;
