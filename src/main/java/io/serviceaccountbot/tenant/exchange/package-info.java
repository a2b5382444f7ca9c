/**
 * The Exchange Online adapter of {@link io.serviceaccountbot.tenant.ExchangeAdmin}: cmdlets over the admin
 * API's InvokeCommand protocol, hand-written on Spring's RestClient because no maintained Java library speaks it.
 *
 * <p>The protocol is the one the ExchangeOnlineManagement v3 module uses, which Microsoft documents only in part (the
 * Exchange Online Admin API articles): {@code POST {base}/adminapi/beta/{tenantId}/InvokeCommand} with {@code
 * {"CmdletInput":{"CmdletName":…,"Parameters":{…}}}}, a token for {@code https://outlook.office365.com/.default},
 * {@code X-AnchorMailbox: APP:SystemMailbox{bb558c35-…}@<organisation>} for app-only calls, {@code X-CmdletName},
 * {@code X-ResponseFormat: json} and {@code Prefer: odata.maxpagesize=…}. Output objects come in {@code value}, further
 * pages through {@code @odata.nextLink} (the same body posted again), warnings in {@code @adminapi.warnings}; a
 * failing cmdlet answers an OData error whose detail names the Exchange exception, which decides the {@link
 * io.serviceaccountbot.tenant.TenantException.Kind}.
 *
 * <p>Why each choice: parameters are Jackson values so names with quotes cannot change a command; 429, 5xx and
 * timeouts are tried at most four times with jittered backoff that honours Retry-After, so a retried New- cmdlet may
 * find its own first attempt and the "ensure" operations then read that object back instead of failing or making a
 * twin; the next-page link must stay on the endpoint's origin so the token is never sent elsewhere. Exchange JSON
 * never leaves this package.
 *
 * <p>Exchange Server is reached through a runner instead ({@code ExchangeServerRunner}): jobs of the runbook {@code Invoke-ExchangeCmdlet}
 * in an Azure Automation account, run by a Hybrid Runbook Worker group inside the customer's network, started and
 * followed over Azure Resource Manager ({@code AutomationJobs}). A job
 * carries a batch of allow-listed cmdlets as JSON and answers a result per cmdlet; secrets travel only as Key Vault
 * secret names. The contract is {@code deploy/exchange-server/PROTOCOL.md}.
 */
package io.serviceaccountbot.tenant.exchange;
