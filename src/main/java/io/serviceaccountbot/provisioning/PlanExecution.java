package io.serviceaccountbot.provisioning;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandParser;
import io.serviceaccountbot.command.ParseResult;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries out approved requests. When a request is approved (once the approval is saved, and off the thread that
 * answered the approver), it asks {@link Approvals#beginExecution} (which checks the approvers against the directory
 * again and may refuse), reads the stored command back, builds its runbook against the tenant as it is now, runs the
 * steps (retrying what is transient), records how it ended, and publishes {@link PlanExecuted} for whoever tells the
 * requester. Until runs are durable, they happen on an in-process executor; a run the process does not finish stays
 * "being carried out", and asking again finishes it, because every step only does what is missing.
 */
public class PlanExecution implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlanExecution.class);

    private final Approvals approvals;
    private final TenantPlans plans;
    private final StepRetry retry;
    private final ApplicationEventPublisher events;
    private final ExecutorService executor;

    PlanExecution(
            Approvals approvals, TenantPlans plans, StepRetry retry, ApplicationEventPublisher events, int threads) {
        this.approvals = approvals;
        this.plans = plans;
        this.retry = retry;
        this.events = events;
        this.executor = Executors.newFixedThreadPool(threads, named("plan-"));
    }

    /** An approval was saved: run the plan on the executor, not on the thread that recorded the decision. */
    @TransactionalEventListener(fallbackExecution = true)
    public void onApproved(ApprovalRequest.Approved approved) {
        executor.execute(() -> {
            try {
                execute(approved.id());
            } catch (RuntimeException e) {
                log.error("Request {} could not be carried out", approved.number(), e);
            }
        });
    }

    /**
     * Runs an approved request's plan now, on this thread; empty when the request may not (or no longer) run, e.g.
     * it runs elsewhere already or an approver left the approvers group.
     */
    public Optional<ProvisioningReport> execute(ApprovalRequestId id) {
        Optional<ApprovalRequest> started = approvals.beginExecution(id);
        if (started.isEmpty()) {
            return Optional.empty();
        }
        ApprovalRequest request = started.get();
        ProvisioningReport report;
        try {
            report = run(request);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Request {} failed unexpectedly (reference {})", request.number(), reference, e);
            report = new ProvisioningReport(
                    request.command(),
                    List.of(StepOutcome.failed(
                            "Something went wrong on the bot's side, and it stopped (reference " + reference + ")",
                            "Ask again: every step done so far is kept, and only what is missing runs.")),
                    null);
        }
        approvals.finishExecution(id, report.succeeded(), summary(report));
        events.publishEvent(new PlanExecuted(request.number().value(), report));
        log.info("Request {} {}", request.number(), report.succeeded() ? "done" : "failed");
        return Optional.of(report);
    }

    private ProvisioningReport run(ApprovalRequest request) {
        ParseResult parsed = CommandParser.parse(request.command());
        if (!(parsed instanceof ParseResult.Parsed read) || !(read.command() instanceof Command.Privileged command)) {
            return new ProvisioningReport(
                    request.command(),
                    List.of(StepOutcome.failed(
                            "The approved command could not be read back as a command that grants or revokes access",
                            "Ask again with the command typed anew.")),
                    null);
        }
        StepRunner check = new StepRunner(retry);
        Drafted[] drafted = new Drafted[1];
        check.run("Check the organisation and the target again", () -> {
            drafted[0] = plans.draft(command);
            return null;
        });
        if (check.stopped()) {
            return new ProvisioningReport(request.command(), check.outcomes(), null);
        }
        if (drafted[0] instanceof Drafted.Refused refused) {
            return new ProvisioningReport(
                    request.command(),
                    List.of(StepOutcome.failed(
                            refused.refusal().reason(),
                            refused.refusal().alternative() == null
                                    ? "Nothing was changed."
                                    : "Nothing was changed. Instead, type: "
                                            + refused.refusal().alternative())),
                    null);
        }
        return ((Drafted.Ready) drafted[0]).runbook().run(retry);
    }

    /** Stops the runs in progress: a wait is interrupted, and the run ends as failed, saying so. */
    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One line for the request's record: how it ended, and where it stopped. */
    static String summary(ProvisioningReport report) {
        long done = report.steps().stream()
                .filter(step -> step.status() == StepOutcome.Status.DONE)
                .count();
        long already = report.steps().stream()
                .filter(step -> step.status() == StepOutcome.Status.ALREADY_DONE)
                .count();
        if (report.succeeded()) {
            return report.title() + ": " + report.steps().size() + " steps, " + done + " done now, " + already
                    + " already so";
        }
        StepOutcome failed = report.steps().stream()
                .filter(step -> step.status() == StepOutcome.Status.FAILED)
                .findFirst()
                .orElse(report.steps().get(report.steps().size() - 1));
        return report.title() + ": stopped. " + failed.text() + (failed.fix() == null ? "" : " Fix: " + failed.fix());
    }
}
