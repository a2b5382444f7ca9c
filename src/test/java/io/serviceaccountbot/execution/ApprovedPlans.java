package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Decision;
import io.serviceaccountbot.approval.DecisionResult;
import io.serviceaccountbot.approval.GroupAccess;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandParser;
import io.serviceaccountbot.command.ParseResult;
import io.serviceaccountbot.command.PrivilegedCommands;
import io.serviceaccountbot.plans.PlanPreview;
import io.serviceaccountbot.plans.Plans;
import io.serviceaccountbot.plans.ProvisioningReport;
import java.time.Duration;

/**
 * Asks for a privileged command the way the bot does, through the real approval service: Alex (a provisioning admin
 * of the simulated tenant) opens a request with the command's plan, Megan (an approver) approves it, and the plan runs
 * on its own, as it does in production. Waits for the report.
 */
final class ApprovedPlans {

    static final Person ALEX = new Person("00000000-0000-0000-0000-0000000000020", "Alex Wilber");
    static final Person MEGAN = new Person("00000000-0000-0000-0000-0000000000021", "Megan Bowen");
    static final Duration PATIENCE = Duration.ofSeconds(90);

    /**
     * What became of an approved request.
     *
     * @param request the request as it ended (done or failed)
     * @param report what the plan did
     */
    record Executed(ApprovalRequest request, ProvisioningReport report) {}

    private final Plans plans;
    private final Approvals approvals;
    private final PlanReports reports;

    ApprovedPlans(Plans plans, Approvals approvals, PlanReports reports) {
        this.plans = plans;
        this.approvals = approvals;
        this.reports = reports;
    }

    static Command parse(String text) {
        ParseResult result = CommandParser.parse(text);
        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).command();
    }

    PlanPreview preview(String text) {
        return plans.preview(parse(text));
    }

    PlanPreview.Ready ready(String text) {
        PlanPreview preview = preview(text);
        assertThat(preview).as(text).isInstanceOf(PlanPreview.Ready.class);
        return (PlanPreview.Ready) preview;
    }

    /** Alex asks, Megan approves, the plan runs; returns the finished request and its report. */
    Executed approveAndRun(String text) {
        return awaitEnd(openAndApprove(text));
    }

    /** Alex asks and Megan approves; the plan starts running on its own. */
    /** The members of the plan's group who gain access too, kept with the request as the bot keeps them. */
    static GroupAccess groupAccess(PlanPreview.Ready plan) {
        if (plan.throughGroup() == null || plan.throughGroup().members().isEmpty()) {
            return GroupAccess.none();
        }
        return new GroupAccess(
                plan.throughGroup().group(),
                plan.throughGroup().members().stream()
                        .map(member -> new Person(member.id(), member.name()))
                        .toList());
    }

    ApprovalRequest openAndApprove(String text) {
        ApprovalRequest opened = open(text);
        approve(opened);
        return opened;
    }

    /** Alex asks; the request waits for a decision. */
    ApprovalRequest open(String text) {
        Command.Privileged command = PrivilegedCommands.parse(text);
        PlanPreview.Ready plan = ready(text);
        return approvals.open(new ApprovalRequest.Draft(
                command,
                plan.steps(),
                ALEX,
                plan.target(),
                plan.targetObjectId(),
                "tests of the plans",
                groupAccess(plan)));
    }

    /** Megan approves; the plan starts running on its own. */
    void approve(ApprovalRequest opened) {
        DecisionResult decided = approvals.decide(opened.number(), MEGAN, Decision.Verdict.APPROVE, null, null);
        assertThat(decided.kind()).as(decided.message()).isEqualTo(DecisionResult.Kind.RECORDED);
    }

    /** Waits for the request's run to end. */
    Executed awaitEnd(ApprovalRequest request) {
        ProvisioningReport report = reports.awaitReport(request.number().value(), PATIENCE);
        return new Executed(approvals.find(request.id()).orElseThrow(), report);
    }

    /** Alex types {@code retry R-…}; waits for the run to end again. */
    Executed retry(ApprovalRequest request) {
        reports.forget(request.number().value());
        Approvals.RetryResult retried = approvals.retry(request.number(), ALEX);
        assertThat(retried.refusal()).isNull();
        return awaitEnd(request);
    }
}
