package io.serviceaccountbot.plans;

import io.serviceaccountbot.approval.ApprovalProperties;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.identity.BotIdentity;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.Directory;
import io.serviceaccountbot.tenant.ExchangeAdmin;
import io.serviceaccountbot.tenant.PasswordGenerator;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import io.serviceaccountbot.tenant.SecretStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plans of the privileged commands, and the changes made at once, to the tenant's ports. */
@Configuration(proxyBeanMethods = false)
class PlansConfiguration {

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
            BotIdentity identity,
            GrantTerms terms,
            RestorePlans restores) {
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
                properties,
                restores,
                terms);
    }

    @Bean
    GrantTerms grantTerms(GrantProperties properties, BotIdentity identity) {
        return new GrantTerms(properties, identity.mode().isSandbox());
    }

    @Bean
    PrivilegedChangeRequests privilegedChangeRequests(
            ObjectProvider<Plans> plans, Approvals approvals, GrantTerms terms) {
        return new PrivilegedChangeRequests(plans, approvals, terms);
    }
}
