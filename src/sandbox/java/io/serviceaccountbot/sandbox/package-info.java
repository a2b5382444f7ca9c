/**
 * The simulated tenant: Microsoft Graph, Exchange's admin APIs, Azure Automation and EWS under {@code /sandbox/}, served
 * by the bot's own server in sandbox mode only, answering with Microsoft's JSON shapes and errors.
 *
 * <p>It lives in its own source root, {@code src/sandbox}: compiled and tested with the bot, but packaged only into
 * {@code service-account-bot-sandbox.jar}; the production jar and the container image carry none of it, and no other
 * package may reference it ({@code ModularityTest}, {@code PackagedJarsIT}).
 *
 * <p>The bot never calls this package directly: it reaches it over HTTP through the same adapters it uses against
 * Microsoft 365, so sandbox runs exercise the real clients. The state starts from a seed file holding the Agents
 * Playground's users (with E1 and ready mailboxes), the verified domains, the licences and the bot's role groups.
 * Simulated Exchange follows Exchange's rules (unique names, mail-enabled members, ApplicationImpersonation only on
 * Exchange Server, RBAC for Applications only on Exchange Online) so that what works here is what Exchange would
 * accept.
 *
 * <p>The simulated Graph ({@code /sandbox/graph/v1.0}) answers users (get by id or user principal name, list with
 * {@code $filter}, {@code $select} and {@code @odata.nextLink} paging, create, update, licenseDetails),
 * {@code assignLicense}, {@code subscribedSkus}, {@code mailboxSettings}, {@code checkMemberGroups}, groups and
 * domains. It refuses what Entra ID refuses, in Graph's words: a user principal name outside the verified domains, a
 * duplicate user principal name or alias, a weak password, a licence without usage location or without units left,
 * more than 20 group ids, a {@code $filter} whose quotes are not doubled. Every request passes {@link
 * io.serviceaccountbot.sandbox.GraphGate} first: it is counted, may suffer a scripted fault (see {@code
 * /sandbox/control}), is delayed by the configured latency, and needs {@code Authorization: Bearer sandbox-token}.
 *
 * <p>One deliberate difference: without {@code $select}, a user shows every property the simulator holds (Graph
 * shows only its default set), so that an admin can inspect an account, its licences and its password flag. The bot
 * itself always names what it reads, and its tests against Microsoft's documented examples keep it doing so.
 *
 * <p>The Exchange Server runner of {@code deploy/exchange-server/PROTOCOL.md} is simulated too: Azure Resource
 * Manager's Automation job operations under {@code /sandbox/arm} ({@code ArmGate} checks
 * the token and api-version first), whose jobs run the runbook Invoke-ExchangeCmdlet on a background worker against the
 * same simulated organisation, in an Exchange Server session. The jobs live in memory only; the organisation they
 * change is saved with the tenant.
 *
 * <p>One endpoint goes the other way: {@code GET /sandbox/secrets/{name}} lets a sandbox user read a password the bot
 * generated (the chat never shows it). It reads through the {@code SecretStore} port, the public API of {@code
 * tenant}, and answers callers on this machine only. The simulated runbook reads secret parameters through the same
 * port, and writes their values nowhere.
 */
package io.serviceaccountbot.sandbox;
