package io.serviceaccountbot.governance;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.serviceaccountbot.approval.ApprovalRequest;
import io.serviceaccountbot.approval.ApprovalRequestId;
import io.serviceaccountbot.approval.Approvals;
import io.serviceaccountbot.approval.Person;
import io.serviceaccountbot.command.Command;
import io.serviceaccountbot.command.CommandParser;
import io.serviceaccountbot.command.ParseResult;
import io.serviceaccountbot.execution.RunEnded;
import io.serviceaccountbot.execution.RunsUnderWay;
import io.serviceaccountbot.plans.DirectChangeMade;
import io.serviceaccountbot.plans.SalesforceProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drift detection: every grant the bot made stays under watch. Right after an approved plan has run, what it left in
 * the tenant is recorded as approved (the account, the role groups and groups its access goes through, an app's roles
 * and tenant-wide permissions); then a durable job per grant, one every {@code bot.governance.drift-check-interval}
 * from its own start so the checks spread over the day, compares the tenant with it. A difference (access grown
 * outside the bot, or broken) is published once as {@link DriftFound}; it can be restored through an approval or
 * accepted by an approver ({@link DriftAccepted}). The bot's own later changes (another grant through the same role
 * group, a revoke, a mailbox added to or taken out of Salesforce's sync) move what is approved, except for values a
 * check has already reported as drift, which stay drift. A grant that ended (its time ran out, or an approver revoked
 * it in its access review) is no longer watched. While the
 * bot itself changes the tenant (a plan runs, a grant ends, what a plan left is being recorded) no check compares.
 */
public class DriftWatch {

    static final String RECORD = "record-approved-grant";
    static final String CHECK = "check-grant-drift";

    private static final Logger log = LoggerFactory.getLogger(DriftWatch.class);

    private final Approvals approvals;
    private final TenantFacts facts;
    private final WatchedGrants grants;
    private final RunsUnderWay runs;
    private final SalesforceProperties salesforce;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration interval;
    private final CustomTask<String> record;
    private final CustomTask<String> check;
    private final SchedulerClient client;
    private final JdbcClient jdbc;

    DriftWatch(
            Approvals approvals,
            TenantFacts facts,
            WatchedGrants grants,
            RunsUnderWay runs,
            SalesforceProperties salesforce,
            ApplicationEventPublisher events,
            Clock clock,
            Duration interval,
            DataSource dataSource) {
        this.runs = runs;
        this.approvals = approvals;
        this.facts = facts;
        this.grants = grants;
        this.salesforce = salesforce;
        this.events = events;
        this.clock = clock;
        this.interval = interval;
        this.record = Tasks.custom(RECORD, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(
                        10, new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1))))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    recordWhatRan(instance.getData());
                    return new CompletionHandler.OnCompleteRemove<>();
                });
        this.check = Tasks.custom(CHECK, String.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(interval))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    boolean watched = check(instance.getData()).isPresent();
                    return watched
                            ? (complete, operations) -> operations.reschedule(
                                    complete, clock.instant().plus(interval))
                            : new CompletionHandler.OnCompleteRemove<>();
                });
        this.client = SchedulerClient.Builder.create(dataSource, record, check).build();
        this.jdbc = JdbcClient.create(dataSource);
    }

    CustomTask<String> recordTask() {
        return record;
    }

    CustomTask<String> checkTask() {
        return check;
    }

    /** An approved plan ran: what it left is recorded as approved, by a durable job, so that a crash loses nothing. */
    @TransactionalEventListener(fallbackExecution = true)
    void runEnded(RunEnded ended) {
        if (ended.succeeded()) {
            String id = ended.id().value().toString();
            client.scheduleIfNotExists(record.instance("run:" + id, "run:" + id), clock.instant());
        }
    }

    /** A mailbox was taken out of Salesforce's sync at once: the sync group's approved members follow. */
    @EventListener
    void changedAtOnce(DirectChangeMade change) {
        if (change.kind() == DirectChangeMade.Kind.EXCHANGE_SYNC_NARROWED
                && change.report().succeeded()) {
            String id = UUID.randomUUID().toString();
            client.scheduleIfNotExists(
                    record.instance("narrowed:" + id, "narrowed:" + change.command()), clock.instant());
        }
    }

    /** A time-bound grant ended and the bot revoked it: the account is no longer watched. */
    @EventListener
    void grantEnded(GrantExpired expired) {
        if (expired.report().succeeded()) {
            String id = UUID.randomUUID().toString();
            client.scheduleIfNotExists(
                    record.instance("ended:" + id, "ended:" + WatchedGrant.subjectOf(expired.account())),
                    clock.instant());
        }
    }

    /** An approver revoked a grant in its access review, and the revoke went through: it is no longer watched. */
    @EventListener
    void reviewed(ReviewDecided decided) {
        if (decided.revoked() && decided.report().succeeded()) {
            String id = UUID.randomUUID().toString();
            client.scheduleIfNotExists(
                    record.instance("ended:" + id, "ended:" + decided.review().subject()), clock.instant());
        }
    }

    private void recordWhatRan(String work) {
        if (work.startsWith("ended:")) {
            stopWatching(work.substring("ended:".length()), "its access was taken away");
            return;
        }
        if (work.startsWith("narrowed:")) {
            ParseResult parsed = CommandParser.parse(work.substring("narrowed:".length()));
            if (parsed instanceof ParseResult.Parsed done
                    && done.command() instanceof Command.RemoveFromExchangeSync remove) {
                followSyncGroup(remove.group());
            }
            return;
        }
        ApprovalRequestId id = new ApprovalRequestId(UUID.fromString(work.substring("run:".length())));
        Optional<ApprovalRequest> found = approvals.find(id);
        if (found.isEmpty()) {
            return;
        }
        ApprovalRequest request = found.get();
        Command.Privileged command = request.command();
        if (command instanceof Command.GrantImpersonation grant) {
            watchAccount(request, grant.scopeGroup());
        } else if (command instanceof Command.SetupExchangeSync setup) {
            watchAccount(request, setup.scopeGroup());
        } else if (command instanceof Command.SetupSalesforceSync setup) {
            watchApp(request, salesforce.appId(), setup.group(), "Salesforce's access to the mailboxes of '");
        } else if (command instanceof Command.GrantAppAccess grant) {
            watchApp(request, grant.appId().toString(), grant.group(), "App access to the mailboxes of '");
        } else if (command instanceof Command.AddToExchangeSync add) {
            followSyncGroup(add.group());
        } else if (command instanceof Command.RevokeImpersonation) {
            stopWatching(
                    WatchedGrant.accountSubject(request.target()),
                    "revoked by " + request.number().value());
        } else if (command instanceof Command.RestoreAsApproved) {
            checkSoon(WatchedGrant.subjectOf(request.target()));
        }
    }

    private void watchAccount(ApprovalRequest request, Optional<String> scopeGroup) {
        String upn = request.target();
        String subject = WatchedGrant.accountSubject(upn);
        SortedMap<FactKey, SortedSet<String>> now = facts.impersonationOf(upn, scopeGroup);
        watch(request, subject, "ApplicationImpersonation of " + upn, now);
    }

    private void watchApp(ApprovalRequest request, String appId, String group, String title) {
        SortedMap<FactKey, SortedSet<String>> now = facts.appAccessOf(appId, group);
        watch(request, WatchedGrant.appSubject(appId), title + group + "' (app " + appId + ")", now);
    }

    private void watch(
            ApprovalRequest request, String subject, String title, SortedMap<FactKey, SortedSet<String>> now) {
        List<WatchedGrant> others = grants.all().stream()
                .filter(other -> !other.subject().equals(subject))
                .toList();
        SortedMap<FactKey, SortedSet<String>> approved = new TreeMap<>();
        now.forEach((key, values) -> approved.put(key, withoutKnownDrift(key, values, others)));
        Instant at = clock.instant();
        grants.save(new WatchedGrant(
                subject,
                title,
                request.id(),
                request.number(),
                approved,
                at,
                "approved in " + request.number().value(),
                List.of(),
                null,
                null,
                null));
        follow(now, others);
        log.info("Watching {} as {} left it", title, request.number());
        events.publishEvent(new GrantWatched(subject, at));
        scheduleCheck(subject, at.plus(interval));
    }

    private void stopWatching(String subject, String why) {
        Optional<WatchedGrant> revoked = grants.find(subject);
        if (revoked.isEmpty()) {
            return;
        }
        grants.remove(subject);
        events.publishEvent(new GrantUnwatched(subject, why));
        List<WatchedGrant> others = grants.all();
        List<FactKey> shared = revoked.get().approved().keySet().stream()
                .filter(key -> others.stream()
                        .anyMatch(other -> other.approved().keySet().stream().anyMatch(key::sameAs)))
                .toList();
        if (!shared.isEmpty()) {
            follow(facts.readAll(shared), others);
        }
        log.info("No longer watching {}: revoked", revoked.get().title());
    }

    /** The sync group of Salesforce's set-up, or the named one, changed through the bot: its members follow. */
    private void followSyncGroup(Optional<String> group) {
        List<WatchedGrant> all = grants.all();
        List<FactKey> keys = new ArrayList<>();
        if (group.isPresent()) {
            keys.add(new FactKey(FactKey.Kind.GROUP_MEMBERS, group.get()));
        } else {
            grants.find(WatchedGrant.appSubject(salesforce.appId()))
                    .ifPresent(sync -> sync.approved().keySet().stream()
                            .filter(key -> key.kind() == FactKey.Kind.GROUP_MEMBERS)
                            .forEach(keys::add));
        }
        if (!keys.isEmpty()) {
            follow(facts.readAll(keys), all);
        }
    }

    /** Other grants holding the same facts take the values the bot's change left, drift already reported aside. */
    private void follow(Map<FactKey, SortedSet<String>> changed, List<WatchedGrant> others) {
        for (WatchedGrant other : others) {
            SortedMap<FactKey, SortedSet<String>> approved = new TreeMap<>(other.approved());
            boolean moved = false;
            for (Map.Entry<FactKey, SortedSet<String>> fact : changed.entrySet()) {
                for (FactKey key : other.approved().keySet()) {
                    if (key.sameAs(fact.getKey())) {
                        SortedSet<String> values = withoutKnownDrift(key, fact.getValue(), List.of(other));
                        if (Difference.between(key, approved.get(key), values) != null) {
                            approved.put(key, values);
                            moved = true;
                        }
                    }
                }
            }
            if (moved) {
                grants.save(new WatchedGrant(
                        other.subject(),
                        other.title(),
                        other.requestId(),
                        other.number(),
                        approved,
                        other.approvedAt(),
                        other.approvedHow(),
                        other.drift(),
                        other.driftFingerprint(),
                        other.checkedAt(),
                        other.checkFailure()));
            }
        }
    }

    /** Values as read, except those a check has reported as drift: access added outside the bot stays unapproved. */
    private static SortedSet<String> withoutKnownDrift(FactKey key, SortedSet<String> read, List<WatchedGrant> grants) {
        SortedSet<String> values = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        values.addAll(read);
        for (WatchedGrant grant : grants) {
            for (Difference difference : grant.drift()) {
                if (difference.key().sameAs(key)) {
                    values.removeAll(difference.added());
                    values.addAll(difference.removed());
                }
            }
        }
        return values;
    }

    private void scheduleCheck(String subject, Instant at) {
        if (!client.scheduleIfNotExists(check.instance(subject, subject), at)) {
            log.debug("{} is checked already", subject);
        }
    }

    /** Checks a grant at once, e.g. after its restore ran. */
    private void checkSoon(String subject) {
        if (grants.find(subject).isEmpty()) {
            return;
        }
        if (!client.scheduleIfNotExists(check.instance(subject, subject), clock.instant())) {
            client.reschedule(TaskInstanceId.of(CHECK, subject), clock.instant());
        }
    }

    /**
     * Compares one grant with the tenant now, keeps what it found, and publishes a drift not posted before.
     *
     * @return the grant as checked; empty when it is no longer watched
     */
    Optional<WatchedGrant> check(String subject) {
        Optional<WatchedGrant> found = grants.find(subject);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WatchedGrant grant = found.get();
        if (changesUnderWay()) {
            log.debug("Not checking {} while the bot changes the tenant", grant.title());
            return found;
        }
        Instant at = clock.instant();
        SortedMap<FactKey, SortedSet<String>> now;
        try {
            now = facts.readAll(grant.approved().keySet());
        } catch (RuntimeException e) {
            log.warn("Could not check {} for drift: {}", grant.title(), e.getMessage());
            WatchedGrant failed =
                    grant.checked(grant.drift(), grant.driftFingerprint(), at, String.valueOf(e.getMessage()));
            grants.save(failed);
            return Optional.of(failed);
        }
        List<Difference> drift = differences(grant.approved(), now);
        String fingerprint = drift.isEmpty() ? null : fingerprint(drift);
        WatchedGrant checked = grant.checked(drift, fingerprint, at, null);
        grants.save(checked);
        if (fingerprint != null && !fingerprint.equals(grant.driftFingerprint())) {
            log.info("{} drifted from what was approved: {}", grant.title(), drift.size());
            events.publishEvent(new DriftFound(checked, drift));
        }
        return Optional.of(checked);
    }

    /**
     * Whether the bot is changing the tenant: an approved plan runs, or what one left is not recorded yet. A check
     * then would take the bot's own change, on a group another grant shares, for one made outside it.
     */
    private boolean changesUnderWay() {
        return runs.any()
                || jdbc.sql("select count(*) from scheduled_tasks where task_name = :record or (task_name in (:ends)"
                                        + " and picked)")
                                .param("record", RECORD)
                                .param("ends", List.of(GrantExpiries.TASK, AccessReviews.REVOKE))
                                .query(Long.class)
                                .single()
                        > 0;
    }

    /** Checks every grant under watch now, for {@code drift}. */
    public List<WatchedGrant> checkAll() {
        List<WatchedGrant> checked = new ArrayList<>();
        for (WatchedGrant grant : grants.all()) {
            check(grant.subject()).ifPresent(checked::add);
        }
        return checked;
    }

    /** The grant under watch for an account's sign-in name or an app id; empty when none is. */
    public Optional<WatchedGrant> find(String accountOrApp) {
        Optional<WatchedGrant> found = grants.find(WatchedGrant.subjectOf(accountOrApp));
        if (found.isPresent() || accountOrApp.contains("@")) {
            return found;
        }
        String alias = WatchedGrant.accountSubject(accountOrApp + "@");
        List<WatchedGrant> byAlias = grants.all().stream()
                .filter(grant -> grant.subject().startsWith(alias))
                .toList();
        return byAlias.size() == 1 ? Optional.of(byAlias.get(0)) : Optional.empty();
    }

    /**
     * An approver accepts the drift they saw: the tenant as it is now becomes what is approved. Refused when the drift
     * has changed since the card they clicked, so that no one accepts what they did not see.
     *
     * @param seen the fingerprint of the drift on their card
     */
    public Acceptance accept(String accountOrApp, String seen, Person by) {
        Optional<WatchedGrant> found = find(accountOrApp);
        if (found.isEmpty()) {
            return new Acceptance(Acceptance.Kind.NOT_WATCHED, null, List.of());
        }
        WatchedGrant grant = found.get();
        SortedMap<FactKey, SortedSet<String>> now =
                facts.readAll(grant.approved().keySet());
        List<Difference> drift = differences(grant.approved(), now);
        if (drift.isEmpty()) {
            grants.save(grant.checked(drift, null, clock.instant(), null));
            return new Acceptance(Acceptance.Kind.NO_DRIFT, grant, drift);
        }
        if (!fingerprint(drift).equals(seen)) {
            return new Acceptance(Acceptance.Kind.CHANGED, grant, drift);
        }
        Instant at = clock.instant();
        WatchedGrant accepted = grant.approvedAgain(
                now, grant.requestId(), grant.number(), at, "accepted by " + by.name() + " as it drifted");
        grants.save(accepted.checked(List.of(), null, at, null));
        events.publishEvent(new DriftAccepted(accepted, by, drift));
        events.publishEvent(new GrantWatched(accepted.subject(), at));
        return new Acceptance(Acceptance.Kind.ACCEPTED, accepted, drift);
    }

    /**
     * What {@link #accept} did.
     *
     * @param grant the grant, as accepted or as it stands; null when it is not watched
     * @param drift the drift accepted, or found now
     */
    public record Acceptance(Kind kind, WatchedGrant grant, List<Difference> drift) {

        public enum Kind {
            ACCEPTED,
            CHANGED,
            NO_DRIFT,
            NOT_WATCHED
        }
    }

    static List<Difference> differences(
            SortedMap<FactKey, SortedSet<String>> approved, SortedMap<FactKey, SortedSet<String>> now) {
        List<Difference> drift = new ArrayList<>();
        approved.forEach((key, values) -> {
            Difference difference = Difference.between(key, values, now.getOrDefault(key, new TreeSet<>()));
            if (difference != null) {
                drift.add(difference);
            }
        });
        return drift;
    }

    /** A drift's identity: the same differences give the same fingerprint, so each is posted once. */
    public static String fingerprint(List<Difference> drift) {
        StringBuilder text = new StringBuilder();
        for (Difference difference : drift) {
            text.append(difference.key().text().toLowerCase(java.util.Locale.ROOT))
                    .append("|+")
                    .append(String.join(",", difference.added()).toLowerCase(java.util.Locale.ROOT))
                    .append("|-")
                    .append(String.join(",", difference.removed()).toLowerCase(java.util.Locale.ROOT))
                    .append('\n');
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
