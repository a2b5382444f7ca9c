package io.serviceaccountbot.execution;

import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.observation.ObservationRegistry;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.plans.StepRetry;
import io.serviceaccountbot.plans.TenantPlans;
import io.serviceaccountbot.tenant.ProvisioningProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** Wires the durable runs of approved plans: their step records, leases and stalled-run watch. */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

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
            Clock clock,
            ObjectProvider<ObservationRegistry> observations) {
        return new PlanRun(
                approvals,
                plans,
                steps,
                StepRetry.of(properties, StepRetry.Sleeper.REAL),
                leased,
                events,
                clock,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
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
}
