package io.serviceaccountbot.governance;

import com.github.kagkarlsson.scheduler.task.Task;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.execution.RunsUnderWay;
import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.plans.GrantTerms;
import io.serviceaccountbot.plans.SalesforceProperties;
import io.serviceaccountbot.plans.TenantPlans;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/** Wires the ends of time-bound grants and the checks for drift to the application's durable jobs. */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    @Bean
    GrantExpiries grantExpiries(
            Approvals approvals,
            GrantTerms terms,
            Revocations revocations,
            WatchedGrants watched,
            SalesforceProperties salesforce,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            DataSource dataSource) {
        return new GrantExpiries(approvals, terms, revocations, watched, salesforce, events, json, clock, dataSource);
    }

    @Bean
    GrantReviews grantReviews(JdbcClient jdbc) {
        return new JdbcGrantReviews(jdbc);
    }

    @Bean
    AccessReviews accessReviews(
            GrantReviews reviews,
            WatchedGrants grants,
            Approvals approvals,
            Revocations revocations,
            ApplicationEventPublisher events,
            Clock clock,
            ReviewProperties properties,
            BotIdentity identity,
            DataSource dataSource) {
        return new AccessReviews(
                reviews,
                grants,
                approvals,
                revocations,
                events,
                clock,
                properties.checked(identity.mode().isSandbox()),
                dataSource);
    }

    @Bean
    Task<String> openGrantReviewTask(AccessReviews reviews) {
        return reviews.openTask();
    }

    @Bean
    Task<String> grantReviewDeadlineTask(AccessReviews reviews) {
        return reviews.deadlineTask();
    }

    @Bean
    Task<String> revokeAfterReviewTask(AccessReviews reviews) {
        return reviews.revokeTask();
    }

    @Bean
    Revocations revocations(TenantPlans plans, TenantFacts facts, ExchangeAdmin exchange) {
        return new Revocations(plans, facts, exchange);
    }

    @Bean
    TenantFacts tenantFacts(AccountDirectory accounts, Directory directory, ExchangeAdmin exchange) {
        return new TenantFacts(accounts, directory, exchange);
    }

    @Bean
    WatchedGrants watchedGrants(JdbcClient jdbc, TransactionOperations transactions, JsonMapper json) {
        return new JdbcWatchedGrants(jdbc, transactions, json);
    }

    @Bean
    DriftWatch driftWatch(
            Approvals approvals,
            TenantFacts facts,
            WatchedGrants grants,
            RunsUnderWay runs,
            SalesforceProperties salesforce,
            ApplicationEventPublisher events,
            Clock clock,
            DriftProperties properties,
            BotIdentity identity,
            DataSource dataSource) {
        return new DriftWatch(
                approvals,
                facts,
                grants,
                runs,
                salesforce,
                events,
                clock,
                properties.interval(identity.mode().isSandbox()),
                dataSource);
    }

    @Bean
    DriftRestorePlans driftRestorePlans(
            DriftWatch watch,
            TenantFacts facts,
            ExchangeAdmin exchange,
            Directory directory,
            AccountDirectory accounts) {
        return new DriftRestorePlans(watch, facts, exchange, directory, accounts);
    }

    @Bean
    Task<String> recordApprovedGrantTask(DriftWatch watch) {
        return watch.recordTask();
    }

    @Bean
    Task<String> checkGrantDriftTask(DriftWatch watch) {
        return watch.checkTask();
    }

    @Bean
    Task<String> grantEndTask(GrantExpiries expiries) {
        return expiries.task();
    }

    @Bean
    Task<String> grantEndReminderTask(GrantExpiries expiries) {
        return expiries.reminder();
    }
}
