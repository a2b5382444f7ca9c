/**
 * The approval card's life cycle. Approvals are shown here and decided in {@code approval}: a privileged command
 * becomes a request whose card goes to the requester, to each approver's personal chat and to the approvals channel; a
 * click is decided by the approval rules and answered with the card as it now stands, without calling the tenant; and
 * after every change, which the approval module announces as an event, each posted copy of the card is replaced in
 * place, the requester is told, and a run's progress card becomes its report. An approver who had no personal chat
 * with the bot when a request opened gets its card after the welcome when they open one, if the approval module says
 * they may still decide it, and the requester's card stops naming them.
 */
package io.serviceaccountbot.chat.approvals;
