package io.serviceaccountbot.governance;

import com.github.kagkarlsson.scheduler.task.Task;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.plans.GrantTerms;
import io.serviceaccountbot.plans.TenantPlans;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the ends of time-bound grants to the application's durable jobs. */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    @Bean
    GrantExpiries grantExpiries(
            Approvals approvals,
            GrantTerms terms,
            TenantPlans plans,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            DataSource dataSource) {
        return new GrantExpiries(approvals, terms, plans, events, json, clock, dataSource);
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
