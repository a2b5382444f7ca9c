/**
 * Provisioning: the tenant operations the bot needs, behind ports named for what the bot needs ({@link
 * io.serviceaccountbot.provisioning.Directory} for Microsoft Entra ID through Microsoft Graph, {@link
 * io.serviceaccountbot.provisioning.ExchangeAdmin} for Exchange's cmdlets, {@link
 * io.serviceaccountbot.provisioning.SecretStore} for generated passwords), and the plans of the privileged commands.
 * Adapters live in sub-packages ({@code graph}, {@code exchange}, {@code secrets}); vendor types never leave them.
 *
 * <p>A plan ({@link io.serviceaccountbot.provisioning.Plans}) is a runbook: steps in the words of the knowledge
 * article, each with the action that carries it out, built after a read-only look at the organisation (on Exchange
 * Online, where ApplicationImpersonation no longer exists, impersonation plans are refused with the modern
 * alternative). An approved request's plan runs as a durable job of db-scheduler on the application database ({@link
 * io.serviceaccountbot.provisioning.DurablePlanRuns}): one execution per request, picked by exactly one replica,
 * taken over by another when that replica stops. {@link io.serviceaccountbot.provisioning.PlanRun} records each step
 * before and after it runs, so an interrupted run resumes at the step it was in, publishes {@link
 * io.serviceaccountbot.provisioning.PlanProgress} as steps start and end, and {@link
 * io.serviceaccountbot.provisioning.RunEnded} at the end. Every step is idempotent (create if absent, then read
 * back and compare), so the step a crash interrupted can safely run again. A step whose work the tenant has not ended
 * ({@link io.serviceaccountbot.provisioning.TenantWorkPending}, e.g. a runner job the worker has not picked up) holds
 * no thread: it is put back, checked again on the schedule of {@link io.serviceaccountbot.provisioning.TenantWait}
 * under the same attempt, and between checks its execution waits in the database.
 *
 * <p>Generated passwords ({@link io.serviceaccountbot.provisioning.PasswordGenerator}) go to the secret store under a
 * name from {@link io.serviceaccountbot.provisioning.SecretNames}, never into chat, logs or the audit log; the bot's
 * reply quotes the store's location instead.
 */
package io.serviceaccountbot.provisioning;
