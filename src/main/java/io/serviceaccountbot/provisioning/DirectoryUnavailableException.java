package io.serviceaccountbot.provisioning;

/** The directory could not answer (unreachable, throttled beyond retries, or refused the bot's access). */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
