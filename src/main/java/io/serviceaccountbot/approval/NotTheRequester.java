package io.serviceaccountbot.approval;

/** Someone other than the requester tried to cancel a request. */
public class NotTheRequester extends RuntimeException {

    NotTheRequester(ApprovalRequest request) {
        super("Only " + request.requester().name() + ", who asked for request " + request.number()
                + ", can cancel it.");
    }
}
