package io.serviceaccountbot.teams;

/** The connector refused a send, or kept failing after every retry; the message names the status and the code. */
public class ConnectorException extends RuntimeException {

    private final int status;

    ConnectorException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The last HTTP status, or 0 when the connector could not be reached. */
    int status() {
        return status;
    }
}
