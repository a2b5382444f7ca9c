/**
 * The execution of approved plans. An approved request's plan runs as a durable job of db-scheduler on the application
 * database ({@link io.serviceaccountbot.execution.DurablePlanRuns}): one execution per request, picked by exactly one
 * replica, taken over by another when that replica stops. {@link io.serviceaccountbot.execution.PlanRun} records each
 * step before and after it runs, so an interrupted run resumes at the step it was in, within what the approvers read
 * ({@link io.serviceaccountbot.execution.ApprovedScope}); it publishes {@link
 * io.serviceaccountbot.execution.PlanProgress} as steps start and end, and {@link
 * io.serviceaccountbot.execution.RunEnded} at the end. A step whose work the tenant has not ended ({@link
 * io.serviceaccountbot.tenant.TenantWorkPending}, e.g. a runner job the worker has not picked up) holds no thread: it
 * is put back, checked again on the schedule of {@link io.serviceaccountbot.tenant.TenantWait} under the same attempt,
 * and between checks its execution waits in the database.
 */
package io.serviceaccountbot.execution;
