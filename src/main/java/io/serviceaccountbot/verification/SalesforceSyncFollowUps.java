package io.serviceaccountbot.verification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

/**
 * After Salesforce's set-up has run, Exchange takes from minutes to about two hours to apply it, and someone may grant
 * the app tenant-wide consent again meanwhile: {@code bot.salesforce.propagation-check} later, the set-up is verified
 * again ({@link SalesforceSyncVerification}) and the requester gets the report ({@link SalesforceSyncRechecked}). The
 * wait is a durable one-time job of db-scheduler on the application database: it holds no thread, survives a restart,
 * and runs once on whichever replica picks it; one request schedules it once.
 */
public class SalesforceSyncFollowUps {

    static final String TASK = "recheck-salesforce-sync";

    private static final Logger log = LoggerFactory.getLogger(SalesforceSyncFollowUps.class);

    private final SalesforceSyncVerification verification;
    private final Duration after;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final OneTimeTask<String> task;
    private final SchedulerClient client;

    SalesforceSyncFollowUps(
            SalesforceSyncVerification verification,
            Duration after,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            DataSource dataSource) {
        this.verification = verification;
        this.after = after;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.task = Tasks.oneTime(TASK, String.class).execute((instance, context) -> recheck(instance.getData()));
        this.client = SchedulerClient.Builder.create(dataSource, task).build();
    }

    /** The job, for the scheduler that runs the application's durable jobs. */
    OneTimeTask<String> task() {
        return task;
    }

    /** How long after the set-up the check runs. */
    public Duration after() {
        return after;
    }

    /**
     * Checks the set-up of this request again {@link #after()} from now.
     *
     * @return whether this call scheduled it (false when it is scheduled already)
     */
    public boolean recheckLater(String requestNumber, String group) {
        Recheck recheck = new Recheck(requestNumber, group);
        return client.scheduleIfNotExists(
                task.instance(requestNumber, json.writeValueAsString(recheck)),
                clock.instant().plus(after));
    }

    private void recheck(String data) {
        Recheck recheck = json.readValue(data, Recheck.class);
        VerificationReport report = verification.verify(recheck.group(), Optional.empty());
        log.info(
                "Checked Salesforce's set-up of request {} again: {}",
                recheck.requestNumber(),
                report.allPassed() ? "every check passed" : report.failures() + " checks fail");
        events.publishEvent(new SalesforceSyncRechecked(recheck.requestNumber(), report));
    }

    /** One re-check, as its job keeps it. */
    record Recheck(String requestNumber, String group) {}
}
