package io.serviceaccountbot.verification;

import com.github.kagkarlsson.scheduler.task.Task;
import io.serviceaccountbot.identity.AccessTokens;
import io.serviceaccountbot.plans.SalesforceProperties;
import io.serviceaccountbot.plans.SalesforceSyncGroups;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.ExchangeServerRunnerHealth;
import io.serviceaccountbot.tenant.ImpersonationProbe;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import io.serviceaccountbot.tenant.SecretStore;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the checks to the tenant's ports. */
@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    @Bean
    AccountVerification accountVerification(
            AccountDirectory accounts, ExchangeAdmin exchange, ImpersonationProbe probe, SecretStore secrets) {
        return new AccountVerification(accounts, exchange, probe, secrets);
    }

    @Bean
    MailboxFollowUps mailboxFollowUps(
            AccountVerification verification,
            AccountDirectory accounts,
            ProvisioningProperties provisioning,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            DataSource dataSource) {
        return new MailboxFollowUps(
                verification, accounts, provisioning.mailboxWait(), events, json, clock, dataSource);
    }

    /** The follow-ups' durable job, run by the application's scheduler with the plans'. */
    @Bean
    Task<String> mailboxFollowUpTask(MailboxFollowUps followUps) {
        return followUps.task();
    }

    @Bean
    BotAccessCheck botAccessCheck(
            AccessTokens tokens,
            Directory directory,
            ExchangeAdmin exchange,
            SecretStore secrets,
            ProvisioningProperties provisioning,
            ExchangeServerRunnerHealth runner) {
        return new BotAccessCheck(
                tokens,
                directory,
                exchange,
                secrets,
                provisioning.exchangeFlavour() == ProvisioningProperties.ExchangeFlavour.EXCHANGE_SERVER
                        ? Optional.of(runner)
                        : Optional.empty(),
                Clock.systemUTC());
    }

    @Bean
    AppAccessVerification appAccessVerification(ExchangeAdmin exchange) {
        return new AppAccessVerification(exchange);
    }

    @Bean
    SalesforceSyncFollowUps salesforceSyncFollowUps(
            SalesforceSyncVerification verification,
            SalesforceProperties salesforce,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            DataSource dataSource) {
        return new SalesforceSyncFollowUps(
                verification, salesforce.propagationCheck(), events, json, clock, dataSource);
    }

    /** The re-check's durable job, run by the application's scheduler with the plans'. */
    @Bean
    Task<String> salesforceSyncRecheckTask(SalesforceSyncFollowUps followUps) {
        return followUps.task();
    }

    @Bean
    SalesforceSyncVerification salesforceSyncVerification(
            Directory directory,
            ExchangeAdmin exchange,
            AppAccessVerification appAccess,
            SalesforceSyncGroups groups,
            SalesforceProperties salesforce) {
        return new SalesforceSyncVerification(directory, exchange, appAccess, groups, salesforce);
    }

    @Bean
    PostRunVerification postRunVerification(
            AccountVerification accounts,
            AppAccessVerification appAccess,
            SalesforceSyncVerification salesforceSync,
            SalesforceSyncFollowUps salesforceFollowUps,
            SalesforceProperties salesforce) {
        return new PostRunVerification(accounts, appAccess, salesforceSync, salesforceFollowUps, salesforce);
    }
}
