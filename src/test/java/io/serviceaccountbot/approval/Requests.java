package io.serviceaccountbot.approval;

import io.serviceaccountbot.command.PrivilegedCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The people and requests of the approval tests. */
final class Requests {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Person ALEX = new Person("aad-alex", "Alex Wilber");
    static final Person MEGAN = new Person("aad-megan", "Megan Bowen");
    static final Person ADELE = new Person("aad-adele", "Adele Vance");
    static final Person ISAIAH = new Person("aad-isaiah", "Isaiah Langer");
    static final Person SVC_SYNC = new Person("aad-svc-sync", "svc-sync");

    private Requests() {}

    static ApprovalRequest.Draft grantToSvcSync() {
        return new ApprovalRequest.Draft(
                PrivilegedCommands.parse("grant impersonation to svc-sync because Salesforce Exchange Sync"),
                List.of("Create the mail-enabled security group 'Exchange Sync Accounts'", "Add svc-sync to it"),
                ALEX,
                "svc-sync@example.com",
                SVC_SYNC.aadObjectId(),
                "Salesforce Exchange Sync");
    }

    /** As {@link #pending}, granted through an existing group whose members gain access too. */
    static ApprovalRequest pendingViaGroup(int quorum, String group, Person... members) {
        ApprovalRequest.Draft draft = grantToSvcSync();
        return ApprovalRequest.open(
                new ApprovalRequest.Draft(
                        draft.command(),
                        draft.plan(),
                        draft.requester(),
                        draft.target(),
                        draft.targetObjectId(),
                        draft.justification(),
                        new GroupAccess(group, List.of(members))),
                NOW,
                Duration.ofHours(24),
                quorum,
                Set.of(MEGAN.aadObjectId(), ADELE.aadObjectId(), ALEX.aadObjectId(), SVC_SYNC.aadObjectId()));
    }

    /** Alex asks; Megan and Adele may approve (and, in some tests, svc-sync itself is in the group). */
    static ApprovalRequest pending(int quorum) {
        return ApprovalRequest.open(
                grantToSvcSync(),
                NOW,
                Duration.ofHours(24),
                quorum,
                Set.of(MEGAN.aadObjectId(), ADELE.aadObjectId(), ALEX.aadObjectId(), SVC_SYNC.aadObjectId()));
    }
}
