package io.serviceaccountbot.approval;

import io.serviceaccountbot.command.RequestId;

/** No request has that number. */
public class UnknownRequest extends RuntimeException {

    public UnknownRequest(RequestId number) {
        super("There is no request " + number + ".");
    }
}
