/**
 * The {@link io.serviceaccountbot.tenant.Directory} port over the Microsoft Graph SDK for Java (v6), with tokens
 * from the bot's identity. Graph SDK types stay in this package.
 *
 * <p>Why it looks the way it does:
 *
 * <ul>
 *   <li>The token goes only to the configured Graph host (the SDK's allowed-hosts check), so a redirect or a
 *       {@code @odata.nextLink} to another host never receives it.
 *   <li>The SDK's retry handler is replaced by {@link io.serviceaccountbot.tenant.graph.ThrottlingRetry}: the
 *       SDK's waits up to 180 s, cannot read Graph's own fractional Retry-After ({@code 2.128}), and re-sends a POST
 *       body it has already consumed. Here 429, 503 and 504 are retried at most {@code graph-max-retries} times; a
 *       Retry-After longer than {@code graph-max-retry-wait} is not waited out but reported as THROTTLED, so a durable
 *       plan can come back later. Every request has a timeout, and the whole call a bound.
 *   <li>Round trips are the fewest the API allows: reads name what they need ({@code $select}; most user properties
 *       are "returned only on $select"), a created user is read from Graph's 201 answer (a GET right after creation
 *       may not find the user yet, because of directory replication), and a licence's id is looked up once per
 *       process.
 *   <li>"Create if absent, then read back": a create that meets Graph's userPrincipalName conflict returns the user
 *       that exists, for the caller to compare; a timed-out create that Graph did finish is therefore found, not
 *       duplicated, when the step is retried.
 *   <li>{@code $filter} literals double every single quote, so a name with a quote is searched for literally.
 *   <li>An assigned plan of service "exchange" counts as Exchange unless it is EXCHANGE_S_FOUNDATION, which licences
 *       such as Power BI carry without giving a mailbox.
 * </ul>
 */
package io.serviceaccountbot.tenant.graph;
