package io.serviceaccountbot.approval;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionOperations;

/** Wires the approval service with the standard policy and the application's clock. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ApprovalConfiguration {

    @Bean
    Approvals approvals(
            ApprovalRequests requests,
            ApproverDirectory approvers,
            ApprovalProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionOperations transactions) {
        return new Approvals(requests, approvers, properties, ApprovalPolicy.standard(), clock, events, transactions);
    }

    @Bean
    ExpiryCheck expiryCheck(Approvals approvals) {
        return new ExpiryCheck(approvals);
    }
}
