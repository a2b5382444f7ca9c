/**
 * Plans: what each command does to the tenant. A plan ({@link io.serviceaccountbot.plans.Plans}) is a runbook: steps
 * in the words of the knowledge article, each with the action that carries it out, built after a read-only look at the
 * organisation (on Exchange Online, where ApplicationImpersonation no longer exists, impersonation plans are refused
 * with the modern alternative). Every step is idempotent (create if absent, then read back and compare), so a step
 * that was interrupted can safely run again; {@link io.serviceaccountbot.plans.StepRunner} runs steps in order, trying
 * a step again when the tenant is busy, and collects their outcomes into a {@link
 * io.serviceaccountbot.plans.ProvisioningReport}.
 *
 * <p>Two kinds of command use plans. A privileged one is asked for through {@link
 * io.serviceaccountbot.plans.PrivilegedChangeRequests}, which opens an approval request holding its plan, and runs
 * once approved (module {@code execution}). One that needs no approval ({@link
 * io.serviceaccountbot.plans.ServiceAccountCreation}, {@link io.serviceaccountbot.plans.SalesforceSyncRemoval}) runs
 * at once, and is announced as a {@link io.serviceaccountbot.plans.DirectChangeMade} for the audit log.
 */
package io.serviceaccountbot.plans;
