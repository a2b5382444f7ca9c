package io.serviceaccountbot.governance;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.plans.ProvisioningReport;
import io.serviceaccountbot.tenant.TenantRequestIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * Access reviews: every {@code bot.governance.review-interval} after a grant was approved (or last reviewed), the
 * approvers get a card asking them to keep or revoke it. One no one answers by {@code bot.governance.review-deadline}
 * is escalated once, with a second deadline; then it is reported as unanswered by {@code drift} and stays open until
 * someone decides: it is never taken as kept. Revoke takes the access away at once, on the approver's decision, through
 * a durable job. Each step is a durable job of db-scheduler, run once across replicas and after a restart.
 */
public class AccessReviews {

    static final String OPEN = "open-grant-review";
    static final String DEADLINE = "grant-review-deadline";
    static final String REVOKE = "revoke-after-review";

    private static final Logger log = LoggerFactory.getLogger(AccessReviews.class);

    private final GrantReviews reviews;
    private final WatchedGrants grants;
    private final Approvals approvals;
    private final Revocations revocations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReviewProperties properties;
    private final CustomTask<String> open;
    private final CustomTask<String> deadline;
    private final CustomTask<String> revoke;
    private final SchedulerClient client;

    AccessReviews(
            GrantReviews reviews,
            WatchedGrants grants,
            Approvals approvals,
            Revocations revocations,
            ApplicationEventPublisher events,
            Clock clock,
            ReviewProperties properties,
            DataSource dataSource) {
        this.reviews = reviews;
        this.grants = grants;
        this.approvals = approvals;
        this.revocations = revocations;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.open = Tasks.custom(OPEN, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    boolean watched = openReview(instance.getData());
                    return watched
                            ? (complete, operations) -> operations.reschedule(
                                    complete, clock.instant().plus(properties.reviewInterval()))
                            : new CompletionHandler.OnCompleteRemove<>();
                });
        this.deadline = Tasks.custom(DEADLINE, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    deadlinePassed(UUID.fromString(instance.getData()));
                    return new CompletionHandler.OnCompleteRemove<>();
                });
        this.revoke = Tasks.custom(REVOKE, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        10, new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    runRevoke(UUID.fromString(instance.getData()));
                    return new CompletionHandler.OnCompleteRemove<>();
                });
        this.client = SchedulerClient.Builder.create(dataSource, open, deadline, revoke)
                .build();
    }

    /** The job that opens a grant's next review. */
    CustomTask<String> openTask() {
        return open;
    }

    /** The job that escalates a review no one answered, then reports it as unanswered. */
    CustomTask<String> deadlineTask() {
        return deadline;
    }

    /** The job that revokes a grant an approver revoked in its review. */
    CustomTask<String> revokeTask() {
        return revoke;
    }

    /** A grant's review is counted from its newest approval. */
    @EventListener
    void watched(GrantWatched watched) {
        Instant next = watched.approvedAt().plus(properties.reviewInterval());
        if (!client.scheduleIfNotExists(open.instance(watched.subject(), watched.subject()), next)) {
            client.reschedule(TaskInstanceId.of(OPEN, watched.subject()), next);
        }
    }

    /** A grant that is no longer held needs no review: the next is cancelled and one that waits is closed. */
    @EventListener
    void unwatched(GrantUnwatched unwatched) {
        TaskInstanceId next = TaskInstanceId.of(OPEN, unwatched.subject());
        if (client.getScheduledExecution(next).isPresent()) {
            client.cancel(next);
        }
        reviews.undecidedFor(unwatched.subject())
                .ifPresent(review -> reviews.move(
                        review.id(),
                        GrantReview.Status.UNDECIDED,
                        GrantReview.Status.CLOSED,
                        null,
                        clock.instant(),
                        null,
                        unwatched.why()));
    }

    /** Opens the grant's review, unless one waits already; false when the grant is no longer watched. */
    boolean openReview(String subject) {
        Optional<WatchedGrant> grant = grants.find(subject);
        if (grant.isEmpty()) {
            return false;
        }
        if (reviews.undecidedFor(subject).isPresent()) {
            log.info(
                    "The review of {} still waits for an answer; no second one is opened",
                    grant.get().title());
            return true;
        }
        Instant now = clock.instant();
        GrantReview review = new GrantReview(
                UUID.randomUUID(),
                subject,
                grant.get().title(),
                grant.get().number(),
                now,
                now.plus(properties.reviewDeadline()),
                GrantReview.Status.OPEN,
                null,
                null,
                null);
        reviews.add(review);
        client.scheduleIfNotExists(
                deadline.instance(review.id().toString(), review.id().toString()), review.deadline());
        log.info("Opened the access review of {}", review.title());
        events.publishEvent(new ReviewOpened(review, grant.get(), false));
        return true;
    }

    private void deadlinePassed(UUID id) {
        Optional<GrantReview> found = reviews.find(id);
        if (found.isEmpty()) {
            return;
        }
        GrantReview review = found.get();
        Instant now = clock.instant();
        if (review.status() == GrantReview.Status.OPEN) {
            Instant second = now.plus(properties.reviewDeadline());
            if (reviews.move(
                    id, Set.of(GrantReview.Status.OPEN), GrantReview.Status.ESCALATED, null, now, second, null)) {
                client.scheduleIfNotExists(deadline.instance(id + ":escalated", id.toString()), second);
                Optional<WatchedGrant> grant = grants.find(review.subject());
                log.info("No one answered the access review of {}; escalated", review.title());
                grant.ifPresent(watched ->
                        events.publishEvent(new ReviewOpened(reviews.find(id).orElseThrow(), watched, true)));
            }
        } else if (review.status() == GrantReview.Status.ESCALATED) {
            if (reviews.move(
                    id, Set.of(GrantReview.Status.ESCALATED), GrantReview.Status.UNANSWERED, null, now, null, null)) {
                log.warn("No one answered the access review of {}, even escalated", review.title());
                events.publishEvent(new ReviewUnanswered(reviews.find(id).orElseThrow()));
            }
        }
    }

    /**
     * An approver keeps or revokes a grant in review. The server reads the review and the grant itself; the card only
     * names the review.
     */
    public Answer answer(UUID id, Person by, boolean keep) {
        Optional<GrantReview> found = reviews.find(id);
        if (found.isEmpty()) {
            return new Answer(Answer.Kind.UNKNOWN, null);
        }
        GrantReview review = found.get();
        if (!review.status().undecided()) {
            return new Answer(Answer.Kind.DECIDED_ALREADY, review);
        }
        Optional<ApprovalRequest> request = approvals.find(review.number());
        if (keep
                && request.isPresent()
                && request.get().requester().aadObjectId().equalsIgnoreCase(by.aadObjectId())) {
            return new Answer(Answer.Kind.OWN_GRANT, review);
        }
        Instant now = clock.instant();
        GrantReview.Status to = keep ? GrantReview.Status.KEPT : GrantReview.Status.REVOKING;
        if (!reviews.move(id, GrantReview.Status.UNDECIDED, to, by, now, null, null)) {
            return new Answer(Answer.Kind.DECIDED_ALREADY, reviews.find(id).orElse(review));
        }
        GrantReview decided = reviews.find(id).orElseThrow();
        if (keep) {
            log.info("{} kept {} in its access review", by.name(), review.title());
            events.publishEvent(new ReviewDecided(decided, null, List.of()));
        } else {
            log.info("{} revoked {} in its access review", by.name(), review.title());
            client.scheduleIfNotExists(revoke.instance(id.toString(), id.toString()), now);
        }
        return new Answer(keep ? Answer.Kind.KEPT : Answer.Kind.REVOKING, decided);
    }

    private void runRevoke(UUID id) {
        GrantReview review = reviews.find(id).orElse(null);
        if (review == null || review.status() != GrantReview.Status.REVOKING) {
            return;
        }
        Optional<WatchedGrant> grant = grants.find(review.subject());
        String title = "Access review: " + review.decidedBy().name() + " revoked " + review.title();
        ProvisioningReport report;
        List<String> tenantIds;
        try (TenantRequestIds.Scope calls = TenantRequestIds.open()) {
            report = grant.isPresent()
                    ? revocations.grant(
                            grant.get(),
                            "revoked in an access review by "
                                    + review.decidedBy().name(),
                            title)
                    : new ProvisioningReport(
                            title,
                            List.of(io.serviceaccountbot.plans.StepOutcome.alreadyDone("The grant is no longer held")),
                            null);
            tenantIds = calls.ids();
        }
        GrantReview.Status to = report.succeeded() ? GrantReview.Status.REVOKED : GrantReview.Status.REVOKE_FAILED;
        reviews.move(
                id,
                Set.of(GrantReview.Status.REVOKING),
                to,
                null,
                clock.instant(),
                null,
                report.succeeded() ? "revoked" : "the revoke failed");
        events.publishEvent(new ReviewDecided(reviews.find(id).orElseThrow(), report, tenantIds));
    }

    /** The reviews no one answered, even escalated, for {@code drift}. */
    public List<GrantReview> unanswered() {
        return reviews.inStatus(Set.of(GrantReview.Status.UNANSWERED));
    }

    /**
     * What an approver's answer did.
     *
     * @param review the review as it stands; null when there is none
     */
    public record Answer(Kind kind, GrantReview review) {

        public enum Kind {
            KEPT,
            REVOKING,
            DECIDED_ALREADY,
            OWN_GRANT,
            UNKNOWN
        }
    }
}
