package io.serviceaccountbot.governance;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandText;
import io.serviceaccountbot.command.RequestId;
import io.serviceaccountbot.execution.RunEnded;
import io.serviceaccountbot.plans.GrantTerms;
import io.serviceaccountbot.plans.ProvisioningReport;
import io.serviceaccountbot.plans.SalesforceProperties;
import io.serviceaccountbot.plans.StepOutcome;
import io.serviceaccountbot.tenant.TenantRequestIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time-bound grants: when a grant asked {@code for <n> days|hours} (or given {@code bot.governance.default-grant}) has
 * run, its end is a durable job of db-scheduler on the application database, one per account (the newest approval's),
 * run once by whichever replica picks it, after a restart too; a later grant until revoked, or a revoke, cancels it.
 * Before the end a second job warns the requester ({@link GrantEndsSoon}), who may ask for the grant again. At the end
 * the bot revokes exactly what the grant gave (the account's ApplicationImpersonation, through the plan of {@code
 * revoke impersonation}); the revoke was approved with the grant, so no one is asked again. The requester is told when
 * it is arranged and when it is done ({@link GrantExpiryScheduled}, {@link GrantExpired}), and the audit log records
 * each.
 */
public class GrantExpiries {

    static final String TASK = "revoke-at-grant-end";
    static final String REMINDER = "remind-before-grant-end";

    /** The most warning a requester gets before a grant ends; a short grant warns a quarter of its length ahead. */
    static final Duration MOST_WARNING = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(GrantExpiries.class);

    private final Approvals approvals;
    private final GrantTerms terms;
    private final Revocations revocations;
    private final WatchedGrants watched;
    private final SalesforceProperties salesforce;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final CustomTask<String> task;
    private final CustomTask<String> reminder;
    private final SchedulerClient client;

    GrantExpiries(
            Approvals approvals,
            GrantTerms terms,
            Revocations revocations,
            WatchedGrants watched,
            SalesforceProperties salesforce,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            DataSource dataSource) {
        this.approvals = approvals;
        this.terms = terms;
        this.revocations = revocations;
        this.watched = watched;
        this.salesforce = salesforce;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.task = Tasks.custom(TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        10, new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
                .onDeadExecutionRevive()
                .execute((instance, context) -> end(json.readValue(instance.getData(), GrantEnd.class)));
        this.reminder = Tasks.custom(REMINDER, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        3, new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
                .onDeadExecutionRevive()
                .execute((instance, context) -> remind(json.readValue(instance.getData(), GrantEnd.class)));
        this.client = SchedulerClient.Builder.create(dataSource, task, reminder).build();
    }

    /** The job that ends grants, for the scheduler that runs the application's durable jobs. */
    CustomTask<String> task() {
        return task;
    }

    /** The job that warns a requester before their grant ends. */
    CustomTask<String> reminder() {
        return reminder;
    }

    /**
     * A request that changed an account's impersonation has run. The newest approval decides when that access ends: a
     * time-bound grant arranges its end (replacing an earlier one's), while a grant until revoked, or a revoke, cancels
     * an end an earlier grant had arranged, so that the bot never takes away access approved since.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void runEnded(RunEnded ended) {
        if (!ended.succeeded()) {
            return;
        }
        Optional<ApprovalRequest> request = approvals.find(ended.id());
        if (request.isEmpty()) {
            return;
        }
        if (request.get().command() instanceof Command.TimeBound grant) {
            String holder = holder(request.get(), grant);
            Optional<Duration> lasting = terms.lasting(grant);
            if (lasting.isPresent()) {
                arrangeEnd(ended, holder, lasting.get());
            } else {
                cancelEnd(ended, holder, "it now holds the access until someone revokes it (" + ended.number() + ")");
            }
        } else if (request.get().command() instanceof Command.RevokeImpersonation) {
            cancelEnd(ended, request.get().target(), "its access was revoked by " + ended.number());
        }
    }

    private void arrangeEnd(RunEnded ended, String account, Duration lasting) {
        Instant endsAt = clock.instant().plus(lasting);
        try {
            GrantEnd end =
                    new GrantEnd(ended.id().value().toString(), ended.number().value(), account, lasting);
            String data = json.writeValueAsString(end);
            if (!client.scheduleIfNotExists(task.instance(key(account), data), endsAt)) {
                client.reschedule(TaskInstanceId.of(TASK, key(account)), endsAt, data);
            }
            Instant warnAt = endsAt.minus(warning(lasting));
            if (!client.scheduleIfNotExists(reminder.instance(key(account), data), warnAt)) {
                client.reschedule(TaskInstanceId.of(REMINDER, key(account)), warnAt, data);
            }
            log.info("The grant of {} to {} ends at {}; it will be revoked then", ended.number(), account, endsAt);
            events.publishEvent(new GrantExpiryScheduled(ended.id(), ended.number(), account, lasting, endsAt));
        } catch (RuntimeException e) {
            log.error("Could not arrange the end of the grant of {} to {}", ended.number(), account, e);
            events.publishEvent(new GrantExpiryScheduled(ended.id(), ended.number(), account, lasting, null));
        }
    }

    private void cancelEnd(RunEnded ended, String account, String why) {
        TaskInstanceId id = TaskInstanceId.of(TASK, key(account));
        try {
            Optional<ScheduledExecution<Object>> pending = client.getScheduledExecution(id);
            if (pending.isEmpty()) {
                return;
            }
            String earlier = json.readValue(String.valueOf(pending.get().getData()), GrantEnd.class)
                    .number();
            client.cancel(id);
            TaskInstanceId warning = TaskInstanceId.of(REMINDER, key(account));
            if (client.getScheduledExecution(warning).isPresent()) {
                client.cancel(warning);
            }
            log.info("The end of the grant of {} to {} no longer applies: {}", earlier, account, why);
            events.publishEvent(new GrantEndCancelled(ended.id(), ended.number(), account, earlier, why));
        } catch (RuntimeException e) {
            log.error(
                    "Could not cancel the end of an earlier grant to {} after {}; it may still revoke the access",
                    account,
                    ended.number(),
                    e);
        }
    }

    /** Who holds what a grant gives: the account's sign-in name, or the app's id. */
    private String holder(ApprovalRequest request, Command.TimeBound grant) {
        if (grant instanceof Command.GrantAppAccess app) {
            return app.appId().toString();
        }
        if (grant instanceof Command.SetupSalesforceSync) {
            return salesforce.appId();
        }
        return request.target();
    }

    /** Whether the holder is an app (its id) rather than an account. */
    public static boolean isApp(String holder) {
        try {
            java.util.UUID.fromString(holder);
            return true;
        } catch (IllegalArgumentException account) {
            return false;
        }
    }

    /** One end per account or app: the newest approval's. */
    private static String key(String account) {
        return account.toLowerCase(Locale.ROOT);
    }

    /** How long before its end a grant's requester is warned: a quarter of its length, at most a day. */
    static Duration warning(Duration lasting) {
        Duration quarter = lasting.dividedBy(4);
        return quarter.compareTo(MOST_WARNING) > 0 ? MOST_WARNING : quarter;
    }

    private CompletionHandler<String> remind(GrantEnd end) {
        ApprovalRequestId id = new ApprovalRequestId(java.util.UUID.fromString(end.requestId()));
        Instant endsAt = client.getScheduledExecution(TaskInstanceId.of(TASK, key(end.account())))
                .map(ScheduledExecution::getExecutionTime)
                .orElse(null);
        if (endsAt != null) {
            events.publishEvent(new GrantEndsSoon(id, new RequestId(end.number()), end.account(), endsAt));
        }
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private CompletionHandler<String> end(GrantEnd end) {
        String why = "the grant of " + end.number() + " for " + words(end.lasting()) + " has ended";
        String command;
        ProvisioningReport report;
        List<String> tenantIds;
        try (TenantRequestIds.Scope calls = TenantRequestIds.open()) {
            if (isApp(end.account())) {
                String title =
                        "The grant of " + end.number() + " ended: remove the application roles of app " + end.account();
                command = "remove the application roles of app " + end.account() + " (" + why + ")";
                report = watched.find(WatchedGrant.appSubject(end.account()))
                        .map(grant -> revocations.grant(grant, why, title))
                        .orElseGet(() -> new ProvisioningReport(
                                title,
                                List.of(StepOutcome.alreadyDone(
                                        "The bot no longer holds a grant of app " + end.account() + " to take away")),
                                null));
            } else {
                Command.RevokeImpersonation revoke =
                        new Command.RevokeImpersonation(AccountRef.of(end.account()), Optional.of(why));
                command = CommandText.of(revoke);
                report = revoke(revoke, end);
            }
            tenantIds = calls.ids();
        }
        log.info(
                "The grant of {} to {} ended: {}",
                end.number(),
                end.account(),
                report.succeeded() ? "revoked" : "the revoke failed");
        events.publishEvent(new GrantExpired(
                new ApprovalRequestId(java.util.UUID.fromString(end.requestId())),
                new RequestId(end.number()),
                end.account(),
                command,
                report,
                tenantIds));
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private ProvisioningReport revoke(Command.RevokeImpersonation revoke, GrantEnd end) {
        String title = "The grant of " + end.number() + " ended: revoke ApplicationImpersonation from " + end.account();
        return revocations.account(end.account(), revoke.justification().orElseThrow(), title);
    }

    private static String words(Duration duration) {
        return GrantTerms.words(duration);
    }

    /**
     * One grant's end, as its job keeps it.
     *
     * @param requestId the grant's request
     * @param number its number
     * @param account the account to revoke
     * @param lasting how long the grant lasted
     */
    record GrantEnd(String requestId, String number, String account, Duration lasting) {}
}
