package io.serviceaccountbot.verification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.serviceaccountbot.command.AccountRef;
import io.serviceaccountbot.tenant.AccountDirectory;
import io.serviceaccountbot.tenant.DirectoryUser;
import io.serviceaccountbot.tenant.MailboxStatus;
import io.serviceaccountbot.tenant.TenantWait;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code verify <account> against <mailbox>} asked while Exchange is still creating the account's mailbox: the probe
 * cannot work yet, so the verification runs again once the mailbox is there (or the mailbox wait is over) and its
 * report goes to where it was asked ({@link FollowUpVerified}). The wait is a durable job of db-scheduler on the
 * application database, checked on the plans' schedule ({@link TenantWait#pauseAfter}), holding no thread in between
 * and resumed by any replica; the same question asked twice in one conversation waits once.
 */
public class MailboxFollowUps {

    static final String TASK = "verify-when-mailbox-ready";

    private static final Logger log = LoggerFactory.getLogger(MailboxFollowUps.class);

    private final AccountVerification verification;
    private final AccountDirectory directory;
    private final Duration limit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final CustomTask<String> task;
    private final SchedulerClient client;

    MailboxFollowUps(
            AccountVerification verification,
            AccountDirectory directory,
            Duration limit,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            DataSource dataSource) {
        this.verification = verification;
        this.directory = directory;
        this.limit = limit;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.task = Tasks.custom(TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        5, new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30))))
                .onDeadExecutionRevive()
                .execute((instance, context) -> check(instance.getData()));
        this.client = SchedulerClient.Builder.create(dataSource, task).build();
    }

    /** The job, for the scheduler that runs the application's durable jobs. */
    CustomTask<String> task() {
        return task;
    }

    /** How long a follow-up waits for the mailbox at most. */
    public Duration limit() {
        return limit;
    }

    /**
     * Verifies the account against the mailbox once Exchange has made the account's mailbox, and tells {@code replyTo}.
     *
     * @param replyTo where the report goes, as the caller names it (the conversation)
     * @return whether this call scheduled it (false when the same follow-up waits already)
     */
    public boolean verifyWhenMailboxReady(AccountRef account, String mailbox, String replyTo) {
        FollowUp followUp = new FollowUp(account.value(), mailbox, replyTo, clock.instant(), 0);
        return client.scheduleIfNotExists(
                task.instance(followUp.id(), json.writeValueAsString(followUp)), clock.instant());
    }

    private CompletionHandler<String> check(String data) {
        FollowUp followUp = json.readValue(data, FollowUp.class);
        AccountRef account = AccountRef.of(followUp.account());
        Optional<DirectoryUser> user = account instanceof AccountRef.ByUpn
                ? directory.findUser(account.value())
                : directory.findUserByAlias(account.value());
        Duration waited = Duration.between(followUp.since(), clock.instant());
        boolean coming = user.filter(DirectoryUser::exchangePlanEnabled)
                .filter(found -> directory.mailboxStatus(found.id()) != MailboxStatus.READY)
                .isPresent();
        if (coming && waited.compareTo(limit) < 0) {
            FollowUp next = followUp.checkedOnceMore();
            Instant at = clock.instant().plus(TenantWait.pauseAfter(next.checks()));
            return (complete, operations) -> operations.reschedule(complete, at, json.writeValueAsString(next));
        }
        VerificationReport report = verification.verify(account, Optional.of(followUp.mailbox()));
        log.info(
                "Verified {} against {} once its mailbox {}",
                followUp.account(),
                followUp.mailbox(),
                coming ? "had still not come after " + limit : "was there");
        events.publishEvent(new FollowUpVerified(followUp.replyTo(), report, coming));
        return new CompletionHandler.OnCompleteRemove<>();
    }

    /**
     * One follow-up, as its job keeps it.
     *
     * @param account the account as the admin named it
     * @param mailbox the mailbox to probe
     * @param replyTo where the report goes
     * @param since when it was asked
     * @param checks how many times the mailbox was found not there yet
     */
    record FollowUp(String account, String mailbox, String replyTo, Instant since, int checks) {

        FollowUp checkedOnceMore() {
            return new FollowUp(account, mailbox, replyTo, since, checks + 1);
        }

        /** The same question in the same conversation is one job. */
        String id() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest((replyTo + "\n" + account.toLowerCase(java.util.Locale.ROOT) + "\n"
                                        + mailbox.toLowerCase(java.util.Locale.ROOT))
                                .getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
