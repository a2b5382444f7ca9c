package io.serviceaccountbot.approval;

/** A request was saved by someone else since it was loaded; the caller reloads it and decides again. */
public class RequestChangedConcurrently extends RuntimeException {

    public RequestChangedConcurrently(ApprovalRequest request) {
        super("Request " + request.number() + " changed while it was being decided");
    }
}
