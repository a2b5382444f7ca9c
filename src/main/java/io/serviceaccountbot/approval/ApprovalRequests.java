package io.serviceaccountbot.approval;

import io.serviceaccountbot.command.RequestFilter;
import io.serviceaccountbot.command.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where approval requests are kept. Saving is optimistic: it fails with {@link RequestChangedConcurrently} when the
 * request was saved by someone else since it was loaded, so two replicas deciding at once cannot both win.
 */
public interface ApprovalRequests {

    /** Inserts a new request or updates a loaded one, checking its version; returns the request as saved. */
    ApprovalRequest save(ApprovalRequest request);

    Optional<ApprovalRequest> byNumber(RequestId number);

    Optional<ApprovalRequest> byId(ApprovalRequestId id);

    /**
     * Requests for a listing, newest first: {@code MINE} those the viewer asked for, {@code PENDING} those waiting,
     * {@code ALL} everything.
     */
    List<ApprovalRequest> list(RequestFilter filter, String viewerAadObjectId, int limit);

    /**
     * Pending requests whose eligible approvers (the snapshot taken when each opened) include this person, oldest
     * first; whether they may decide each is for the approval rules to say.
     */
    List<ApprovalRequest> pendingWithEligibleApprover(String aadObjectId);

    /** Pending requests whose expiry is before {@code now}. */
    List<ApprovalRequest> pendingExpiredBy(Instant now);

    /** The ids of the requests in one of these states, oldest first. */
    List<ApprovalRequestId> idsInStatus(java.util.Set<RequestStatus> statuses);
}
