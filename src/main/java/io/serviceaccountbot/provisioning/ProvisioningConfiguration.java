package io.serviceaccountbot.provisioning;

import com.github.kagkarlsson.scheduler.task.Task;
import io.serviceaccountbot.approval.ApprovalProperties;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.identity.BotIdentity;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** Wires the provisioning operations, the plans and their execution to the tenant's ports. */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfiguration {

    @Bean
    AccountSteps accountSteps(
            AccountDirectory accounts, Directory directory, SecretStore secrets, PasswordGenerator passwords) {
        return new AccountSteps(accounts, directory, secrets, passwords);
    }

    @Bean
    ServiceAccountCreation serviceAccountCreation(
            AccountSteps steps, ProvisioningProperties properties, ApplicationEventPublisher events) {
        return new ServiceAccountCreation(steps, properties, events);
    }

    @Bean
    SalesforceSyncGroups salesforceSyncGroups(ExchangeAdmin exchange, SalesforceProperties salesforce) {
        return new SalesforceSyncGroups(exchange, salesforce);
    }

    @Bean
    SalesforceSyncRemoval salesforceSyncRemoval(
            SalesforceSyncGroups groups,
            ExchangeAdmin exchange,
            SalesforceProperties salesforce,
            ApplicationEventPublisher events) {
        return new SalesforceSyncRemoval(groups, exchange, salesforce, events);
    }

    @Bean
    TenantPlans plans(
            AccountDirectory accounts,
            Directory directory,
            ExchangeAdmin exchange,
            AccountSteps steps,
            ProvisioningProperties properties,
            ApprovalProperties approval,
            SalesforceProperties salesforce,
            SalesforceSyncGroups salesforceGroups,
            BotIdentity identity) {
        GroupAudience audience = new GroupAudience(
                exchange,
                directory,
                approval.maxGroupMembers(),
                properties.exchangeFlavour() == ProvisioningProperties.ExchangeFlavour.EXCHANGE_SERVER);
        AppAccessRunbooks appAccess = new AppAccessRunbooks(directory, exchange);
        return new TenantPlans(
                new ImpersonationRunbooks(accounts, exchange, steps, properties, audience),
                appAccess,
                new SalesforceSyncRunbooks(
                        appAccess, salesforceGroups, exchange, directory, salesforce, identity.tenantId()),
                accounts,
                properties);
    }

    @Bean
    PlanSteps planSteps(JdbcClient jdbc) {
        return new JdbcPlanSteps(jdbc);
    }

    @Bean
    PlanRun planRun(
            Approvals approvals,
            TenantPlans plans,
            PlanSteps steps,
            ProvisioningProperties properties,
            LeasedWrites leased,
            ApplicationEventPublisher events,
            Clock clock) {
        return new PlanRun(
                approvals, plans, steps, StepRetry.of(properties, StepRetry.Sleeper.REAL), leased, events, clock);
    }

    @Bean
    LeasedWrites leasedWrites(JdbcClient jdbc, TransactionOperations transactions) {
        return new LeasedWrites(jdbc, transactions);
    }

    @Bean
    DurablePlanRuns durablePlanRuns(
            DataSource dataSource,
            Approvals approvals,
            PlanRun run,
            LeasedWrites leased,
            ProvisioningProperties properties,
            ObjectProvider<Task<?>> otherTasks) {
        return new DurablePlanRuns(
                dataSource,
                approvals,
                run,
                leased,
                properties,
                otherTasks.orderedStream().toList());
    }

    @Bean
    StalledRuns stalledRuns(
            JdbcClient jdbc,
            Approvals approvals,
            PlanSteps steps,
            ApplicationEventPublisher events,
            ProvisioningProperties properties,
            Clock clock) {
        return new StalledRuns(
                jdbc,
                id -> approvals.find(id).map(request -> request.number().value()),
                steps,
                events,
                properties.runHeartbeat(),
                clock,
                StalledRuns.thisReplica());
    }

    @Bean
    PrivilegedChangeRequests privilegedChangeRequests(ObjectProvider<Plans> plans, Approvals approvals) {
        return new PrivilegedChangeRequests(plans, approvals);
    }
}
