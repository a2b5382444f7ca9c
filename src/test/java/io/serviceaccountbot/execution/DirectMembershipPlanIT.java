package io.serviceaccountbot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.execution.ApprovedPlans.Executed;
import io.serviceaccountbot.plans.PlanPreview;
import io.serviceaccountbot.plans.Plans;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeAdmin.EffectiveAssignment;
import io.serviceaccountbot.tenant.MailboxAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An organisation that configured direct membership ({@code bot.provisioning.membership=direct}) and its own role
 * group name: the account itself joins the role group, with no security group in between, unless the admin names
 * one in the command.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bot.sandbox.runner.job-start-delay=0ms",
            "bot.exchange-server.runner.poll-interval=20ms",
            "bot.sandbox.mailbox-delay=1s",
            "bot.provisioning.membership=direct",
            "bot.provisioning.role-group=Direct sync role group",
            "bot.provisioning.step-backoff=50ms"
        })
@Import(PlanReports.class)
class DirectMembershipPlanIT {

    static final String ROLE = "ApplicationImpersonation";

    @Autowired
    Plans plans;

    @Autowired
    Approvals approvals;

    @Autowired
    PlanReports reports;

    @Autowired
    Directory directory;

    @Autowired
    ExchangeAdmin exchange;

    ApprovedPlans requests;

    @BeforeEach
    void setUp() {
        requests = new ApprovedPlans(plans, approvals, reports);
    }

    @Test
    void theAccountItselfBecomesAMemberOfTheConfiguredRoleGroup() {
        new MailboxAccounts(directory).withMailbox("svc-direct-one");

        PlanPreview.Ready plan = requests.ready("grant impersonation to svc-direct-one");
        Executed run = requests.approveAndRun("grant impersonation to svc-direct-one");

        assertThat(plan.steps())
                .containsExactly(
                        "Check that svc-direct-one@example.com is enabled and has a mailbox",
                        "Create the role group 'Direct sync role group' with the role ApplicationImpersonation and the"
                                + " member svc-direct-one@example.com",
                        "Check that svc-direct-one@example.com effectively holds ApplicationImpersonation");
        assertThat(run.report().succeeded()).as(run.report().toString()).isTrue();
        assertThat(exchange.roleGroup("Direct sync role group").orElseThrow().members())
                .containsExactly("svc-direct-one@example.com");
        assertThat(exchange.effectiveAssignments(ROLE))
                .contains(new EffectiveAssignment(ROLE, "svc-direct-one", "Direct sync role group", null));
    }

    @Test
    void aGroupNamedInTheCommandIsStillUsed() {
        PlanPreview.Ready plan = requests.ready("grant impersonation to isaiahl via group \"Named Accounts\"");

        assertThat(plan.steps())
                .contains(
                        "Create the mail-enabled security group 'Named Accounts'",
                        "Create the role group 'Direct sync role group' with the role ApplicationImpersonation and the"
                                + " member 'Named Accounts'");
    }
}
