/**
 * The simulated tenant: Microsoft Graph and Exchange Online admin API endpoints (and, later, EWS) under {@code
 * /sandbox/}, served by the bot's own server in sandbox mode only, answering with Microsoft's JSON shapes and errors.
 *
 * <p>The bot never calls this package directly: it reaches it over HTTP through the same adapters it uses against
 * Microsoft 365, so sandbox runs exercise the real clients. The state starts from a seed file holding the Agents
 * Playground's users, a verified domain, licences and the bot's role groups. Simulated Exchange follows Exchange's
 * rules (unique names, mail-enabled members, ApplicationImpersonation only in the legacy flavour) so that what works
 * here is what Exchange would accept.
 */
package io.serviceaccountbot.sandbox;
