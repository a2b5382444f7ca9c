package io.serviceaccountbot.approval;

import io.serviceaccountbot.command.RequestFilter;
import io.serviceaccountbot.command.RequestId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Approval requests kept in memory with the same optimistic concurrency as the database: every load is a copy, and a
 * save whose version is not the stored one fails.
 */
public class InMemoryApprovalRequests implements ApprovalRequests {

    private final Map<ApprovalRequestId, ApprovalRequest> stored = new ConcurrentHashMap<>();

    @Override
    public synchronized ApprovalRequest save(ApprovalRequest request) {
        ApprovalRequest current = stored.get(request.id());
        long currentVersion = current == null ? 0 : current.version();
        if (request.version() != currentVersion) {
            throw new RequestChangedConcurrently(request);
        }
        ApprovalRequest saved = copy(request, currentVersion + 1);
        stored.put(request.id(), saved);
        return copy(saved, saved.version());
    }

    @Override
    public Optional<ApprovalRequest> byNumber(RequestId number) {
        return stored.values().stream()
                .filter(request -> request.number().equals(number))
                .findFirst()
                .map(request -> copy(request, request.version()));
    }

    @Override
    public Optional<ApprovalRequest> byId(ApprovalRequestId id) {
        return Optional.ofNullable(stored.get(id)).map(request -> copy(request, request.version()));
    }

    @Override
    public List<ApprovalRequest> list(RequestFilter filter, String viewerAadObjectId, int limit) {
        return stored.values().stream()
                .filter(request -> switch (filter) {
                    case MINE -> request.requester().is(viewerAadObjectId);
                    case PENDING -> request.status() == RequestStatus.PENDING;
                    case ALL -> true;
                })
                .sorted(Comparator.comparing(ApprovalRequest::createdAt).reversed())
                .limit(limit)
                .map(request -> copy(request, request.version()))
                .toList();
    }

    @Override
    public List<ApprovalRequest> pendingWithEligibleApprover(String aadObjectId) {
        return stored.values().stream()
                .filter(request -> request.status() == RequestStatus.PENDING)
                .filter(request -> request.isEligibleApprover(aadObjectId))
                .sorted(Comparator.comparing(ApprovalRequest::createdAt))
                .map(request -> copy(request, request.version()))
                .toList();
    }

    @Override
    public List<ApprovalRequest> pendingExpiredBy(Instant now) {
        return stored.values().stream()
                .filter(request -> request.status() == RequestStatus.PENDING && !now.isBefore(request.expiresAt()))
                .map(request -> copy(request, request.version()))
                .toList();
    }

    @Override
    public List<ApprovalRequestId> idsInStatus(Set<RequestStatus> statuses) {
        return stored.values().stream()
                .filter(request -> statuses.contains(request.status()))
                .sorted(java.util.Comparator.comparing(ApprovalRequest::createdAt))
                .map(ApprovalRequest::id)
                .toList();
    }

    private static ApprovalRequest copy(ApprovalRequest request, long version) {
        return ApprovalRequest.restore(
                request.id(),
                request.number(),
                request.draft(),
                request.createdAt(),
                request.expiresAt(),
                request.quorum(),
                request.eligibleApprovers(),
                request.decisions(),
                request.status(),
                request.outcome(),
                request.cardVersion(),
                version);
    }
}
