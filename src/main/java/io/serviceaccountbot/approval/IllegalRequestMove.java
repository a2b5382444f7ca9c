package io.serviceaccountbot.approval;

/** A request was asked to move where its life cycle does not allow, e.g. to execute while still pending. */
public class IllegalRequestMove extends RuntimeException {

    IllegalRequestMove(ApprovalRequest request, String move) {
        super("Request " + request.number() + " cannot " + move + ": it is "
                + request.status().inWords() + ".");
    }
}
