package io.serviceaccountbot.provisioning;

/**
 * A tenant API (Microsoft Graph, Exchange admin, a secret store) refused or failed an operation. The kind says what
 * the bot can do about it: retry a transient failure, or stop and tell the admin what to fix. The message is written
 * for an admin and never contains a token or secret; {@link #requestId()} is the service's own id of the request,
 * for the audit log and for Microsoft support.
 */
public class TenantException extends RuntimeException {

    /** What went wrong, as far as the bot can tell. */
    public enum Kind {
        /** The object does not exist. */
        NOT_FOUND,
        /** An object with that name or value exists already. */
        ALREADY_EXISTS,
        /** The management role does not exist in this organisation (e.g. ApplicationImpersonation in Exchange Online). */
        ROLE_NOT_FOUND,
        /** The bot's identity lacks a permission or role. */
        ACCESS_DENIED,
        /** The service asked the bot to slow down (429); retry after a while. */
        THROTTLED,
        /** The service failed or did not answer in time (5xx, timeout); retry after a while. */
        UNAVAILABLE,
        /** The service refused the request as invalid; retrying will not help. */
        INVALID_REQUEST
    }

    private final Kind kind;
    private final String service;
    private final String code;
    private final String requestId;

    public TenantException(Kind kind, String service, String code, String requestId, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.service = service;
        this.code = code;
        this.requestId = requestId;
    }

    public Kind kind() {
        return kind;
    }

    /** "Microsoft Graph", "Exchange Online", "Azure Key Vault", … */
    public String service() {
        return service;
    }

    /** The service's error code, e.g. {@code Request_ResourceNotFound}, or null. */
    public String code() {
        return code;
    }

    /** The service's request or correlation id, or null. */
    public String requestId() {
        return requestId;
    }

    /** Whether trying again later may succeed. */
    public boolean isTransient() {
        return kind == Kind.THROTTLED || kind == Kind.UNAVAILABLE;
    }
}
