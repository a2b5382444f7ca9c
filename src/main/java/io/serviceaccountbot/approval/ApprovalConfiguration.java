package io.serviceaccountbot.approval;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionOperations;

/** Wires the approval service with the standard policy and the system clock (tests may set their own clock). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ApprovalConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

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
