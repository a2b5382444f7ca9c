package io.serviceaccountbot.identity;

/** The bot could not get an access token; the message says for which scope and why, never the credential. */
public class TokenUnavailableException extends RuntimeException {

    public TokenUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
