package io.serviceaccountbot.provisioning;

import io.serviceaccountbot.approval.Approvals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the provisioning operations, the plans and their execution to the tenant's ports. */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfiguration {

    /** Approved plans running at once; more wait their turn. */
    static final int PLAN_THREADS = 4;

    @Bean
    AccountSteps accountSteps(Directory directory, SecretStore secrets, PasswordGenerator passwords) {
        return new AccountSteps(directory, secrets, passwords);
    }

    @Bean
    ServiceAccountCreation serviceAccountCreation(AccountSteps steps, ProvisioningProperties properties) {
        return new ServiceAccountCreation(steps, properties);
    }

    @Bean
    TenantPlans plans(
            Directory directory, ExchangeAdmin exchange, AccountSteps steps, ProvisioningProperties properties) {
        MailboxWait mailboxWait = new MailboxWait(directory, properties.mailboxWait(), StepRetry.Sleeper.REAL);
        return new TenantPlans(
                new ImpersonationRunbooks(directory, exchange, steps, mailboxWait, properties),
                new AppAccessRunbooks(directory, exchange),
                directory,
                properties);
    }

    @Bean
    PlanExecution planExecution(
            Approvals approvals,
            TenantPlans plans,
            ProvisioningProperties properties,
            ApplicationEventPublisher events) {
        return new PlanExecution(
                approvals, plans, StepRetry.of(properties, StepRetry.Sleeper.REAL), events, PLAN_THREADS);
    }
}
